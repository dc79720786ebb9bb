package vn.dvcsync.reconcile;

import static vn.dvcsync.reconcile.PortalForm.display;
import static vn.dvcsync.reconcile.PortalForm.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.portal.PortalClient;

/**
 * Compares the city's procedures with the portal's catalogue ({@code LayDanhSachTTHC}). Rows are of the
 * province's unit ({@code dvcsync.portal.madonvi}), record type {@code PROCEDURE}, key {@code MaTTHC}:
 * <ul>
 * <li>{@code PROCEDURE_NOT_PUBLIC} ({@code CongKhai}): in force in the city and, on the portal, absent from the
 *     catalogue or {@code CongKhai "0"}.</li>
 * <li>{@code PROCEDURE_PUBLIC_LATE} ({@code NgayCongKhai}): in force, public, and its {@code NgayCongKhai} after
 *     the city's {@code han_cong_khai} (or unknown while there is a deadline: the portal cannot show it on time).</li>
 * <li>{@code PROCEDURE_UNKNOWN} ({@code MaTTHC}): a code cited by the city's dossiers of the period that the
 *     catalogue lacks, one row per code, whether the procedure is in force or not.</li>
 * </ul>
 * The categories are independent, as gateway.md defines them: a procedure in force that the catalogue lacks
 * and that dossiers cite is both NOT_PUBLIC (it should be public) and UNKNOWN (its dossiers are refused).
 * Every procedure in force is exactly one of: public on time (counted in
 * {@link IndexFacts#PROCEDURES_PUBLIC_ON_TIME}), NOT_PUBLIC, PUBLIC_LATE.
 */
@Component
public class ProcedureReconciler {

    private static final Logger log = LoggerFactory.getLogger(ProcedureReconciler.class);

    static final String RECORD_TYPE = "PROCEDURE";
    static final String NOT_PUBLIC = Category.PROCEDURE_NOT_PUBLIC.name();
    static final String PUBLIC_LATE = Category.PROCEDURE_PUBLIC_LATE.name();
    static final String UNKNOWN = Category.PROCEDURE_UNKNOWN.name();
    private static final String CODE = "MaTTHC";
    private static final String PUBLIC = "CongKhai";
    private static final String PUBLIC_SINCE = "NgayCongKhai";

    /** A procedure in force in the city; {@code publicDeadline} null when it has none. */
    record CityProcedure(String code, LocalDate publicDeadline) {}

    private final CityReader city;
    private final PortalClient portal;
    private final ProvinceProperties province;

    ProcedureReconciler(CityReader city, PortalClient portal, ProvinceProperties province) {
        this.city = city;
        this.portal = portal;
        this.province = province;
    }

    /** Reports the procedure mismatches to {@code sink} and adds the procedure counts to {@code facts}. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts) {
        List<CityProcedure> inForce = city.proceduresInForce().stream()
                .map(p -> new CityProcedure(p.code(), p.publicDeadline()))
                .toList();
        List<String> cited = city.citedProcedures(period.from(), period.to());
        List<? extends JsonNode> catalogue = portal.procedures();
        facts.unitName(province.madonvi(), province.unitName());
        Map<String, Long> rows = compare(inForce, cited, catalogue, province.madonvi(), sink, facts);
        log.info(
                "Procedure reconciliation: {} in force in the city, {} in the portal's catalogue, {} cited by the "
                        + "period's dossiers; rows {}",
                inForce.size(),
                catalogue.size(),
                cited.size(),
                rows);
    }

    /**
     * The comparison itself.
     *
     * @param cited codes cited by the period's dossiers (nulls and repeats ignored)
     * @return report rows sent per category
     */
    static Map<String, Long> compare(
            List<CityProcedure> inForce,
            Collection<String> cited,
            List<? extends JsonNode> catalogue,
            String unit,
            MismatchSink sink,
            IndexFacts facts) {
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode entry : catalogue) {
            String code = text(entry, CODE);
            if (code != null) {
                byCode.putIfAbsent(code, entry);
            }
        }
        String unitName = facts.unitName(unit);
        Map<String, Long> rows = new TreeMap<>();
        MismatchSink counted = m -> {
            rows.merge(m.category(), 1L, Long::sum);
            sink.accept(m);
        };
        long onTime = 0;
        for (CityProcedure p : inForce) {
            JsonNode entry = byCode.get(p.code());
            if (entry == null || !"1".equals(text(entry, PUBLIC))) {
                counted.accept(new Mismatch(
                        NOT_PUBLIC, RECORD_TYPE, p.code(), unit, unitName, PUBLIC, "1", display(entry, PUBLIC)));
            } else if (late(p.publicDeadline(), text(entry, PUBLIC_SINCE))) {
                counted.accept(new Mismatch(
                        PUBLIC_LATE,
                        RECORD_TYPE,
                        p.code(),
                        unit,
                        unitName,
                        PUBLIC_SINCE,
                        p.publicDeadline().format(DateTimeFormatter.BASIC_ISO_DATE),
                        display(entry, PUBLIC_SINCE)));
            } else {
                onTime++;
            }
        }
        for (String code : new TreeSet<>(cited.stream().filter(Objects::nonNull).toList())) {
            if (!byCode.containsKey(code)) {
                counted.accept(new Mismatch(UNKNOWN, RECORD_TYPE, code, unit, unitName, CODE, code, ""));
            }
        }
        facts.add(unit, IndexFacts.PROCEDURES_IN_FORCE, inForce.size());
        facts.add(unit, IndexFacts.PROCEDURES_PUBLIC_ON_TIME, onTime);
        return rows;
    }

    /**
     * Public after the deadline: the date of {@code publishedOn} ({@code yyyyMMdd}, or the date part of a longer
     * time) after {@code deadline}; unknown with a deadline counts as late. No deadline: never late.
     */
    static boolean late(LocalDate deadline, String publishedOn) {
        if (deadline == null) {
            return false;
        }
        String date = publishedOn == null || publishedOn.length() < 8 ? null : publishedOn.substring(0, 8);
        if (date == null || !date.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return date.compareTo(deadline.format(DateTimeFormatter.BASIC_ISO_DATE)) > 0;
    }
}

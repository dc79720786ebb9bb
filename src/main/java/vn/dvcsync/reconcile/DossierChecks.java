package vn.dvcsync.reconcile;

import static vn.dvcsync.reconcile.PortalForm.display;
import static vn.dvcsync.reconcile.PortalForm.text;
import static vn.dvcsync.reconcile.PortalForm.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.mapping.ComparedFields;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.mapping.Violation;
import vn.dvcsync.population.Names;

/**
 * The comparison of one city dossier with the portal's copy of it (or with its absence), by the categories and
 * comparison rules of {@code gateway.md}, and the index facts it adds to. Not thread-safe: one per reconciliation.
 *
 * <ul>
 * <li>The city dossier is first mapped to the portal's form ({@link PortalMapping}) and checked
 *     ({@link PortalRules}); a dossier that breaks a rule gives one {@code DOSSIER_INVALID} row per field named by
 *     its violations ({@code city_value}: its value, {@code portal_value}: what the rule requires) and is not
 *     compared further: it is never sent.</li>
 * <li>Absent from the portal: {@code DOSSIER_MISSING_ON_PORTAL}, except when it cites a procedure absent from the
 *     portal's catalogue: the portal refuses such a dossier (the gateway never sends it), and it is a
 *     {@code PROCEDURE_UNKNOWN} row keyed by the dossier, {@code field} MaTTHC, besides the procedure's own row.</li>
 * <li>Present: {@code DOSSIER_STATUS_MISMATCH} when {@code TrangThaiHoSo} differs (the city's translated through
 *     the code table); {@code DOSSIER_FIELD_MISMATCH} per differing field of those {@link ComparedFields}
 *     names ({@code mappings/reconcile-fields.yaml}; times as the mapping writes them, i.e. whole seconds in
 *     Vietnam time, so equal text is an equal time; text in Unicode NFC, the applicant's name also case folded
 *     with white space collapsed; a value on one side only differs unless the file lets the portal lack it); {@code DOSSIER_STALE} when {@code NgayCapNhat} is absent or older than the city's
 *     {@code cap_nhat_luc} less the freshness window.</li>
 * </ul>
 * Values in rows are as the portal shows them, ID numbers masked to the last 4 digits. The unit of a city
 * dossier is its mapped {@code MaDonViXuLy}/{@code DonViXuLy}; of an orphan, the portal's.
 *
 * <p>On time (index-model.md, "finished on or before NgayHenTra, plus those still in progress and not yet due"),
 * judged the same way on the city's mapped dossier and on the portal's copy: status {@code 9}/{@code 10} with
 * {@code NgayKetThucXuLy <= NgayHenTra}; or status {@code 0}, {@code 1}, {@code 2}, {@code 4}, {@code 5},
 * {@code 6} (not ended) with {@code now <= NgayHenTra}, {@code now} being the end of the period. Refused,
 * withdrawn and stopped dossiers ({@code 3}, {@code 7}, {@code 8}) are neither, so not on time.
 */
final class DossierChecks {

    static final String RECORD_TYPE = "DOSSIER";
    static final String MISSING = Category.DOSSIER_MISSING_ON_PORTAL.name();
    static final String ORPHAN = Category.DOSSIER_ORPHAN_ON_PORTAL.name();
    static final String STATUS = Category.DOSSIER_STATUS_MISMATCH.name();
    static final String STALE = Category.DOSSIER_STALE.name();
    static final String FIELD = Category.DOSSIER_FIELD_MISMATCH.name();
    static final String INVALID = Category.DOSSIER_INVALID.name();
    static final String UNKNOWN_PROCEDURE = Category.PROCEDURE_UNKNOWN.name();

    static final String STATUS_FIELD = "TrangThaiHoSo";
    static final String UPDATED_AT = "NgayCapNhat";
    private static final String PROCEDURE = "MaTTHC";
    private static final String UNIT = "MaDonViXuLy";
    private static final String UNIT_NAME = "DonViXuLy";
    private static final String DUE = "NgayHenTra";
    private static final String FINISHED = "NgayKetThucXuLy";
    private static final String CHANNEL = "KenhThucHien";
    private static final String PAID_ONLINE = "DuocThanhToanTrucTuyen";
    private static final String DIGITISED = "HoSoCoThanhPhanSoHoa";
    private static final String NAME = "ChuHoSo";

    /** A city dossier ready for the merge: its portal form, the rules it breaks, and its key (mapped MaHoSo). */
    record CityDossier(Dossier dossier, ObjectNode portalForm, List<Violation> violations, String key) {

        /** The key of its report rows: MaHoSo, or the city id of a dossier without one (as the ledger names it). */
        String reportKey() {
            return Dossier.recordKey(key, dossier.id());
        }
    }

    private final PortalMapping mapping;
    private final PortalRules rules;
    private final List<ComparedFields.Field> compared;
    private final String provinceCode;
    private final Duration freshness;
    private final String now;
    private final Set<String> catalogue;
    private final MismatchSink sink;
    private final Consumer<DossierVerdict> verdicts;
    private final Tally tally = new Tally();
    private final Map<String, Long> rowCounts = new TreeMap<>();

    /**
     * @param now       the end of the period, as the portal writes times: the "now" of the on-time judgement
     * @param catalogue MaTTHC codes of the portal's catalogue; null: unknown (every absent dossier is MISSING)
     */
    DossierChecks(
            PortalMapping mapping,
            PortalRules rules,
            String provinceCode,
            Duration freshness,
            String now,
            Set<String> catalogue,
            MismatchSink sink) {
        this(mapping, rules, ComparedFields.all(), provinceCode, freshness, now, catalogue, sink, v -> {});
    }

    /** As above, also telling {@code verdicts} what was concluded for each city dossier compared. */
    DossierChecks(
            PortalMapping mapping,
            PortalRules rules,
            ComparedFields fields,
            String provinceCode,
            Duration freshness,
            String now,
            Set<String> catalogue,
            MismatchSink sink,
            Consumer<DossierVerdict> verdicts) {
        this.mapping = mapping;
        this.rules = rules;
        this.compared = fields.compared();
        this.provinceCode = provinceCode;
        this.freshness = freshness;
        this.now = now;
        this.catalogue = catalogue;
        this.sink = sink;
        this.verdicts = verdicts;
    }

    CityDossier prepare(Dossier d) {
        ObjectNode form = mapping.dossier(d);
        return new CityDossier(d, form, rules.checkDossier(form, provinceCode), text(form, PortalForm.MA_HO_SO));
    }

    /** Compares a city dossier with the portal's copy, null when the portal has none. */
    void compare(CityDossier city, ObjectNode portal) {
        ObjectNode form = city.portalForm();
        long[] t = tally.unit(text(form, UNIT), text(form, UNIT_NAME));
        t[Tally.RECEIVED]++;
        count(t, form, Tally.ON_TIME_CITY, Tally.ONLINE_CITY, Tally.PAID_CITY, Tally.DIGITISED_CITY);
        if (portal != null) {
            t[Tally.ON_PORTAL]++;
            count(t, portal, Tally.ON_TIME_PORTAL, Tally.ONLINE_PORTAL, Tally.PAID_PORTAL, Tally.DIGITISED_PORTAL);
        }
        if (!city.violations().isEmpty()) {
            invalid(city);
            verdict(city, DossierVerdict.Kind.INVALID, null);
            return;
        }
        if (portal == null) {
            if (catalogue == null || catalogue.contains(text(form, PROCEDURE))) {
                emit(MISSING, city, "", "", "");
                verdict(city, DossierVerdict.Kind.MISSING, null);
            } else {
                emit(UNKNOWN_PROCEDURE, city, PROCEDURE, display(form, PROCEDURE), "");
                verdict(city, DossierVerdict.Kind.PROCEDURE_UNKNOWN, null);
            }
            return;
        }
        boolean sameStatus = Objects.equals(text(form, STATUS_FIELD), text(portal, STATUS_FIELD));
        if (!sameStatus) {
            emit(STATUS, city, STATUS_FIELD, display(form, STATUS_FIELD), display(portal, STATUS_FIELD));
        }
        boolean sameFields = true;
        for (ComparedFields.Field compare : compared) {
            String field = compare.name();
            if (!same(form, portal, compare)) {
                emit(FIELD, city, field, display(form, field), display(portal, field));
                sameFields = false;
            }
        }
        boolean stale = stale(city.dossier(), portal);
        if (stale) {
            emit(STALE, city, UPDATED_AT, PortalForm.time(city.dossier().updatedAt()), display(portal, UPDATED_AT));
        }
        if (sameStatus && !stale) {
            t[Tally.STATUS_CURRENT]++;
        }
        verdict(
                city,
                sameStatus && sameFields && !stale ? DossierVerdict.Kind.EQUAL : DossierVerdict.Kind.DIFFERENT,
                time(portal, UPDATED_AT));
    }

    private void verdict(CityDossier city, DossierVerdict.Kind kind, String portalUpdated) {
        Dossier d = city.dossier();
        verdicts.accept(new DossierVerdict(
                city.reportKey(), d.version(), d.unitCode(), city.portalForm(), kind, portalUpdated));
    }

    /** A portal dossier of the period that the city does not have. */
    void orphan(ObjectNode portal) {
        String unit = text(portal, UNIT);
        String name = text(portal, UNIT_NAME);
        tally.orphanUnit(unit, name);
        count(ORPHAN);
        sink.accept(new Mismatch(
                ORPHAN, RECORD_TYPE, text(portal, PortalForm.MA_HO_SO), nonNull(unit), nonNull(name), "", "", ""));
    }

    /** Adds the gathered counts to the index facts, naming every unit seen. */
    void flush(IndexFacts facts) {
        tally.flush(facts);
    }

    /** Report rows sent per category, for the log. */
    Map<String, Long> rowCounts() {
        return rowCounts;
    }

    private void invalid(CityDossier city) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Violation v : city.violations()) {
            byField.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
        }
        byField.forEach((field, message) -> emit(INVALID, city, field, display(city.portalForm(), field), message));
    }

    private boolean stale(Dossier d, ObjectNode portal) {
        if (d.updatedAt() == null) {
            return false;
        }
        String copy = time(portal, UPDATED_AT);
        return copy == null || copy.compareTo(PortalForm.time(d.updatedAt().minus(freshness))) < 0;
    }

    private static boolean same(JsonNode city, JsonNode portal, ComparedFields.Field compare) {
        String field = compare.name();
        JsonNode a = city.get(field);
        JsonNode b = portal.get(field);
        if (a == b || a != null && a.equals(b)) {
            return true; // both absent, or the same value: the common case, decided without reading text
        }
        if (PortalForm.IDENTITY.equals(field)) {
            JsonNode copy = identity(portal);
            return copy == null && compare.portalMayLack() || Objects.equals(identity(city), copy);
        }
        String theirs = text(portal, field);
        if (theirs == null) {
            return compare.portalMayLack() || text(city, field) == null;
        }
        String ours = text(city, field);
        if (ours == null) {
            return false;
        }
        if (NAME.equals(field)) {
            return Names.comparable(ours).equals(Names.comparable(theirs));
        }
        return ours.equals(theirs) || nfc(ours).equals(nfc(theirs));
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** DinhDanhCHS, null when absent or an empty list. */
    private static JsonNode identity(JsonNode record) {
        JsonNode ids = record.get(PortalForm.IDENTITY);
        return ids == null || ids.isNull() || ids.isContainerNode() && ids.isEmpty() ? null : ids;
    }

    private void count(long[] t, JsonNode record, int onTime, int online, int paid, int digitised) {
        if (onTime(record, now)) {
            t[onTime]++;
        }
        if ("2".equals(text(record, CHANNEL))) {
            t[online]++;
        }
        if ("1".equals(text(record, PAID_ONLINE))) {
            t[paid]++;
        }
        if ("1".equals(text(record, DIGITISED))) {
            t[digitised]++;
        }
    }

    /** On time as the class comment defines it; {@code now} as {@code yyyyMMddHHmmss}. */
    static boolean onTime(JsonNode record, String now) {
        String status = text(record, STATUS_FIELD);
        String due = time(record, DUE);
        if (status == null || due == null) {
            return false;
        }
        return switch (status) {
            case "9", "10" -> {
                String finished = time(record, FINISHED);
                yield finished != null && finished.compareTo(due) <= 0;
            }
            case "0", "1", "2", "4", "5", "6" -> now.compareTo(due) <= 0;
            default -> false;
        };
    }

    private void emit(String category, CityDossier city, String field, String cityValue, String portalValue) {
        ObjectNode form = city.portalForm();
        count(category);
        sink.accept(new Mismatch(
                category,
                RECORD_TYPE,
                city.reportKey(),
                nonNull(text(form, UNIT)),
                nonNull(text(form, UNIT_NAME)),
                field,
                cityValue,
                portalValue));
    }

    private void count(String category) {
        rowCounts.merge(category, 1L, Long::sum);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Index facts per unit, counted in arrays and added to {@link IndexFacts} once at the end. */
    private static final class Tally {
        static final int RECEIVED = 0;
        static final int ON_PORTAL = 1;
        static final int STATUS_CURRENT = 2;
        static final int ON_TIME_CITY = 3;
        static final int ON_TIME_PORTAL = 4;
        static final int ONLINE_CITY = 5;
        static final int ONLINE_PORTAL = 6;
        static final int PAID_CITY = 7;
        static final int PAID_PORTAL = 8;
        static final int DIGITISED_CITY = 9;
        static final int DIGITISED_PORTAL = 10;
        private static final String[] METRICS = {
            IndexFacts.DOSSIERS_RECEIVED,
            IndexFacts.DOSSIERS_ON_PORTAL,
            IndexFacts.DOSSIERS_STATUS_CURRENT,
            IndexFacts.DOSSIERS_ON_TIME_CITY,
            IndexFacts.DOSSIERS_ON_TIME_PORTAL,
            IndexFacts.DOSSIERS_ONLINE_CITY,
            IndexFacts.DOSSIERS_ONLINE_PORTAL,
            IndexFacts.DOSSIERS_PAID_ONLINE_CITY,
            IndexFacts.DOSSIERS_PAID_ONLINE_PORTAL,
            IndexFacts.DOSSIERS_DIGITISED_CITY,
            IndexFacts.DOSSIERS_DIGITISED_PORTAL
        };

        private final Map<String, long[]> counts = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, String> orphanNames = new HashMap<>();

        long[] unit(String code, String name) {
            String unit = code == null ? "" : code;
            long[] t = counts.get(unit);
            if (t == null) {
                t = new long[METRICS.length];
                counts.put(unit, t);
            }
            if (name != null) {
                names.putIfAbsent(unit, name);
            }
            return t;
        }

        void orphanUnit(String code, String name) {
            if (code != null && name != null) {
                orphanNames.putIfAbsent(code, name);
            }
        }

        void flush(IndexFacts facts) {
            names.forEach(facts::unitName);
            orphanNames.forEach(facts::unitName); // the city's name of a unit comes first
            counts.forEach((unit, t) -> {
                for (int i = 0; i < METRICS.length; i++) {
                    facts.add(unit, METRICS[i], t[i]);
                }
            });
        }
    }
}

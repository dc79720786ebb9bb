package vn.dvcsync.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.mapping.TextPolicy;

/** City dossiers and portal copies for the reconciliation tests; the mapping is the project's {@code mappings/}. */
final class Fixtures {

    static final PortalMapping MAPPING = PortalMapping.load(Path.of("mappings"));
    static final PortalRules RULES = new PortalRules(TextPolicy.load(Path.of("mappings")));
    static final String PROCEDURE = "1.001612.000.00.00.H26";
    static final String UNKNOWN_PROCEDURE = "1.999999.000.00.00.H26";
    static final Set<String> CATALOGUE = Set.of(PROCEDURE, "2.000001.000.00.00.H26");
    static final Duration FRESHNESS = Duration.ofHours(24);
    /** The period: the year up to 2025-03-01 00:00 in Vietnam. */
    static final ReconcilePeriod PERIOD = new ReconcilePeriod(
            OffsetDateTime.parse("2024-03-01T00:00:00+07:00"), OffsetDateTime.parse("2025-03-01T00:00:00+07:00"));

    static final String UNIT = "000.00.04.H26";
    static final String UNIT_NAME = "Sở Xây dựng";

    private Fixtures() {}

    /** A dossier under construction: fields of {@link Dossier}, valid and in progress by default. */
    static final class Draft {
        long id;
        String code;
        String procedureCode = PROCEDURE;
        String unitCode = UNIT;
        String unitName = UNIT_NAME;
        Applicant applicant = new Applicant(
                7L, 1, "001085012345", "Nguyễn Văn An", null, 1, "0912345678", "an.nguyen@example.vn", null);
        String summary = "Xin cấp phép xây nhà ở riêng lẻ";
        int channel = 2;
        String status = "DANG_XU_LY";
        OffsetDateTime submitted = OffsetDateTime.parse("2025-01-10T08:00:00+07:00");
        OffsetDateTime received = OffsetDateTime.parse("2025-01-10T09:00:00+07:00");
        OffsetDateTime due = OffsetDateTime.parse("2025-03-20T17:00:00+07:00");
        OffsetDateTime finished;
        OffsetDateTime returned;
        boolean paidOnline = true;
        boolean digitised = true;
        boolean vneid = true;
        OffsetDateTime updated = OffsetDateTime.parse("2025-01-11T10:00:00+07:00");

        Draft finishedAt(String finishedIso, String returnedIso) {
            status = returnedIso == null ? "DA_CO_KET_QUA" : "DA_TRA_KET_QUA";
            finished = OffsetDateTime.parse(finishedIso);
            returned = returnedIso == null ? null : OffsetDateTime.parse(returnedIso);
            return this;
        }

        Dossier build() {
            return new Dossier(
                    id,
                    code,
                    procedureCode,
                    "Cấp giấy phép xây dựng",
                    "XD",
                    "Xây dựng",
                    unitCode,
                    unitName,
                    applicant,
                    summary,
                    channel,
                    status,
                    submitted,
                    received,
                    due,
                    finished,
                    returned,
                    paidOnline,
                    digitised,
                    vneid,
                    updated);
        }
    }

    private static long ids;

    static Dossier dossier(String code) {
        return dossier(code, d -> {});
    }

    static Dossier dossier(String code, Consumer<Draft> change) {
        Draft d = new Draft();
        d.id = ++ids;
        d.code = code;
        change.accept(d);
        return d.build();
    }

    /** The portal's copy of a city dossier as the gateway sent it: the mapped form, updated at the city's last change. */
    static ObjectNode portal(Dossier d) {
        ObjectNode copy = MAPPING.dossier(d);
        copy.put("NgayDongBo", PortalForm.time(d.updatedAt()));
        copy.put("NgayCapNhat", PortalForm.time(d.updatedAt()));
        return copy;
    }

    static List<ObjectNode> portal(List<Dossier> city) {
        List<ObjectNode> copies = new ArrayList<>();
        city.forEach(d -> copies.add(portal(d)));
        return copies;
    }

    /** Codes {@code H26.000.00.04-250110-0001}, … in byte order. */
    static List<Dossier> clean(int n) {
        List<Dossier> city = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            city.add(dossier(String.format("H26.000.00.04-250110-%04d", i)));
        }
        return city;
    }

    static List<Dossier> byCode(List<Dossier> dossiers) {
        return dossiers.stream().sorted(Comparator.comparing(Dossier::code)).toList();
    }

    static List<ObjectNode> byKey(List<ObjectNode> copies) {
        return copies.stream()
                .sorted(Comparator.comparing(c -> c.get("MaHoSo").textValue()))
                .toList();
    }

    /** The result of one merge. */
    record Result(List<Mismatch> rows, IndexFacts facts) {

        /** Rows as {@code category|key|field}. */
        List<String> keys() {
            return rows.stream()
                    .map(m -> m.category() + "|" + m.recordKey() + "|" + m.field())
                    .toList();
        }
    }

    /** Merges in memory, with the catalogue {@link #CATALOGUE}. */
    static Result merge(List<Dossier> city, List<ObjectNode> portal) {
        List<Mismatch> rows = new ArrayList<>();
        IndexFacts facts = new IndexFacts();
        DossierChecks checks =
                new DossierChecks(MAPPING, RULES, "H26", FRESHNESS, PERIOD.portalTo(), CATALOGUE, rows::add);
        new DossierMerge(checks, portal.iterator()).run(city.iterator());
        checks.flush(facts);
        return new Result(rows, facts);
    }
}

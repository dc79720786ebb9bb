package vn.dvcsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static vn.dvcsync.reconcile.IndexFacts.*;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.index.GroupScore;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;

class MismatchStoreTest {

    static final IndexModel MODEL = IndexModel.load(Path.of("mappings/index-model.yaml"));
    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(7));

    JdbcTemplate jdbc;
    MismatchStore store;

    @BeforeEach
    void freshStore() {
        jdbc = TestDatabase.fresh();
        store = new MismatchStore(jdbc, Clock.fixed(Instant.parse("2025-03-01T18:30:05.123456Z"), ZoneOffset.UTC), 2);
    }

    /** Province totals: 10 procedures (7 public on time), 200 dossiers (190 on the portal, 180 current, on time 195/185). */
    static IndexFacts facts() {
        IndexFacts f = new IndexFacts();
        f.add("000.00.00.H26", PROCEDURES_IN_FORCE, 10);
        f.add("000.00.00.H26", PROCEDURES_PUBLIC_ON_TIME, 7);
        f.add("U1", DOSSIERS_RECEIVED, 200);
        f.add("U1", DOSSIERS_ON_PORTAL, 190);
        f.add("U1", DOSSIERS_STATUS_CURRENT, 180);
        f.add("U1", DOSSIERS_ON_TIME_CITY, 195);
        f.add("U1", DOSSIERS_ON_TIME_PORTAL, 185);
        return f;
    }

    static Mismatch dossier(String category, String key, String unit, String field, String city, String portal) {
        return new Mismatch(
                category,
                "DOSSIER",
                key,
                unit,
                unit.equals("U1") ? "Sở Tư pháp" : "UBND quận Ba Đình",
                field,
                city,
                portal);
    }

    void write(String runId, IndexFacts facts, Mismatch... rows) {
        try (MismatchWriter w = store.open(runId, MODEL, facts)) {
            for (Mismatch m : rows) {
                w.accept(m);
            }
        }
    }

    Map<String, String> changes(String runId) {
        List<MismatchRow> rows = new ArrayList<>();
        store.forEach(runId, rows::add);
        return rows.stream().collect(Collectors.toMap(r -> r.recordKey() + "|" + r.field(), MismatchRow::change));
    }

    @Test
    void rowsAreNewThenPersistingOrResolvedAgainstThePreviousSuccessfulReconcileOrNightlyRun() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        write(
                "A",
                facts(),
                dossier("DOSSIER_MISSING_ON_PORTAL", "D1", "U1", "", null, null),
                dossier("DOSSIER_STATUS_MISMATCH", "D2", "U1", "TrangThaiHoSo", "4", "2"),
                dossier("DOSSIER_FIELD_MISMATCH", "D3", "U2", "NgayHenTra", "20250301170000", "20250302170000"));
        TestDatabase.finish(jdbc, "A");
        assertThat(changes("A"))
                .containsOnly(
                        Map.entry("D1|", "NEW"),
                        Map.entry("D2|TrangThaiHoSo", "NEW"),
                        Map.entry("D3|NgayHenTra", "NEW"));
        // runs that are not compared with: failed, still running, incremental
        TestDatabase.run(jdbc, "F", "nightly", "FAILED", T0.plusDays(1));
        jdbc.update("insert into mismatch (run_id, seq, category, record_type, record_key, detected_at)"
                + " values ('F', 1, 'DOSSIER_STALE', 'DOSSIER', 'D9', now())");
        TestDatabase.run(jdbc, "I", "incremental", "SUCCEEDED", T0.plusDays(1).plusHours(1));

        TestDatabase.run(jdbc, "B", "nightly", "RUNNING", T0.plusDays(2));
        write(
                "B",
                facts(),
                dossier("DOSSIER_MISSING_ON_PORTAL", "D1", "U1", "", null, null),
                dossier("DOSSIER_FIELD_MISMATCH", "D3", "U2", "NgayHenTra", "20250301170000", "20250303170000"),
                dossier("DOSSIER_STALE", "D4", "U2", "", "20250301", "20250228"));
        TestDatabase.finish(jdbc, "B");

        assertThat(store.previousRun("B")).contains("A");
        assertThat(store.previousRun("A")).isEmpty();
        assertThat(changes("B"))
                .containsOnly(
                        Map.entry("D1|", "PERSISTING"),
                        Map.entry("D3|NgayHenTra", "PERSISTING"),
                        Map.entry("D4|", "NEW"));
        List<MismatchRow> resolved = new ArrayList<>();
        store.forEachResolved("B", resolved::add);
        assertThat(resolved)
                .extracting(MismatchRow::runId, MismatchRow::recordKey, MismatchRow::change)
                .containsExactly(tuple("A", "D2", "RESOLVED"));
        assertThat(store.changes("B")).isEqualTo(new Changes("A", 1, 2, 1));
        assertThat(store.changes("A")).isEqualTo(new Changes(null, 3, 0, 0));

        List<Total> byUnit = store.totals("B", MismatchStore.By.UNIT);
        assertThat(byUnit)
                .extracting(Total::unitCode, Total::count, Total::newCount, Total::persisting, Total::resolved)
                .containsExactly(tuple("U1", 1L, 0L, 1L, 1L), tuple("U2", 2L, 1L, 1L, 0L));
    }

    @Test
    void latestIsTheLatestSuccessfulReconcileOrNightlyRun() {
        assertThat(store.resolveRun("latest")).isEmpty();
        TestDatabase.run(jdbc, "A", "reconcile", "SUCCEEDED", T0);
        TestDatabase.run(jdbc, "B", "nightly", "SUCCEEDED", T0.plusDays(1));
        TestDatabase.run(jdbc, "C", "incremental", "SUCCEEDED", T0.plusDays(2));
        TestDatabase.run(jdbc, "D", "reconcile", "FAILED", T0.plusDays(3));
        TestDatabase.run(jdbc, "E", "reconcile", "RUNNING", T0.plusDays(4));
        assertThat(store.resolveRun("latest")).contains("B");
        assertThat(store.resolveRun("A")).contains("A");
        assertThatThrownBy(() -> store.resolveRun("C"))
                .isInstanceOf(NoComparisonException.class)
                .hasMessage("Run C is an incremental run, which compares nothing: it has no mismatch report; "
                        + "the newest reconcile or nightly run is B (or ask for 'latest')");
        assertThat(store.resolveRun("nope")).isEmpty();
    }

    @Test
    void aRecordCountsOncePerRatioOnItsFirstRowAndIsPricedWithTheFactsAtClose() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        IndexFacts facts = new IndexFacts();
        try (MismatchWriter w = store.open("A", MODEL, facts)) {
            w.accept(dossier("DOSSIER_INVALID", "D1", "U1", "NgayTiepNhan", "", null)); // present, current, on time
            w.accept(dossier("DOSSIER_MISSING_ON_PORTAL", "D1", "U1", "", null, null)); // nothing left to carry
            w.accept(dossier("DOSSIER_INVALID", "D1", "U1", "MaTTHC", "", null));
            w.accept(dossier("DOSSIER_STALE", "D2", "U1", "", null, null)); // current
            w.accept(dossier("DOSSIER_STATUS_MISMATCH", "D2", "U1", "TrangThaiHoSo", "4", "2")); // on time only
            w.accept(new Mismatch(
                    "PROCEDURE_NOT_PUBLIC", "PROCEDURE", "1.001", "000.00.00.H26", "UBND thành phố", "", null, null));
            w.accept(new Mismatch(
                    "APPLICANT_NOT_FOUND", "APPLICANT", "D3", "U1", "Sở Tư pháp", "SoDinhDanh", "********7890", null));
            IndexFacts complete = facts();
            for (String unit : complete.units()) {
                for (String metric : List.of(
                        PROCEDURES_IN_FORCE,
                        PROCEDURES_PUBLIC_ON_TIME,
                        DOSSIERS_RECEIVED,
                        DOSSIERS_ON_PORTAL,
                        DOSSIERS_STATUS_CURRENT,
                        DOSSIERS_ON_TIME_CITY,
                        DOSSIERS_ON_TIME_PORTAL)) {
                    facts.add(
                            unit, metric, complete.get(unit, metric)); // the reconciliation fills the facts as it goes
                }
            }
            assertThat(w.count()).isEqualTo(7);
            assertThat(store.find("A", null, null, 0, 10).total())
                    .as("rows show once priced")
                    .isZero();
        }
        List<MismatchRow> rows = new ArrayList<>();
        store.forEach("A", rows::add);
        assertThat(rows)
                .extracting(r ->
                        r.category() + " " + r.recordKey() + " " + r.field() + " " + CsvReport.points(r.impactPoints()))
                .containsExactly(
                        "PROCEDURE_NOT_PUBLIC 1.001  0.6",
                        "DOSSIER_INVALID D1 NgayTiepNhan 0.16",
                        "DOSSIER_STATUS_MISMATCH D2 TrangThaiHoSo 0.1",
                        "DOSSIER_STALE D2  0.03",
                        "DOSSIER_MISSING_ON_PORTAL D1  0",
                        "DOSSIER_INVALID D1 MaTTHC 0",
                        "APPLICANT_NOT_FOUND D3 SoDinhDanh 0");
        assertThat(rows.get(0).detectedAt()).isEqualTo(OffsetDateTime.parse("2025-03-02T01:30:05.123456+07:00"));

        List<Total> byCategory = store.totals("A", MismatchStore.By.CATEGORY);
        assertThat(byCategory)
                .extracting(Total::category, Total::count)
                .startsWith(tuple("PROCEDURE_NOT_PUBLIC", 1L), tuple("DOSSIER_INVALID", 2L));
        assertThat(byCategory.get(1).impactPoints()).isCloseTo(0.16, within(1e-9));
        List<Total> byUnit = store.totals("A", MismatchStore.By.UNIT);
        assertThat(byUnit)
                .extracting(Total::unitCode, Total::unitName, Total::count)
                .containsExactly(tuple("000.00.00.H26", "UBND thành phố", 1L), tuple("U1", "Sở Tư pháp", 6L));
        assertThat(byUnit.get(1).impactPoints()).isCloseTo(0.29, within(1e-9));
        assertThat(byUnit.get(1).category()).isNull();
    }

    @Test
    void idNumbersAreStoredMaskedWhateverArrives() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        write(
                "A",
                facts(),
                new Mismatch(
                        "APPLICANT_DATA_MISMATCH",
                        "APPLICANT",
                        "D1",
                        "U1",
                        "Sở Tư pháp",
                        "SoDinhDanh",
                        "001099012345",
                        "********2345"),
                new Mismatch("APPLICANT_NOT_FOUND", "APPLICANT", "D2", "U1", "Sở Tư pháp", "", "CMND 123456789", null),
                dossier("DOSSIER_FIELD_MISMATCH", "D3", "U1", "DinhDanhCHS", "[{\"SoDinhDanh\":\"001099012345\"}]", ""),
                dossier("DOSSIER_FIELD_MISMATCH", "D4", "U1", "NgayTiepNhan", "20250301080000", "20250301090000"),
                new Mismatch(
                        "APPLICANT_DATA_MISMATCH",
                        "APPLICANT",
                        "D5",
                        "U1",
                        "Sở Tư pháp",
                        "HoTen",
                        "Nguyễn Văn Án",
                        "Nguyễn Văn An"));
        List<MismatchRow> rows = new ArrayList<>();
        store.forEach("A", rows::add);
        assertThat(rows)
                .extracting(MismatchRow::recordKey, MismatchRow::cityValue, MismatchRow::portalValue)
                .containsExactly(
                        tuple("D1", "********2345", "********2345"),
                        tuple("D2", "CMND *****6789", null),
                        tuple("D3", "[{\"SoDinhDanh\":\"********2345\"}]", ""),
                        tuple("D4", "20250301080000", "20250301090000"),
                        tuple("D5", "Nguyễn Văn Án", "Nguyễn Văn An"));
    }

    @Test
    void pagesAreLargestImpactFirstAndFilterByCategoryAndUnit() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        List<Mismatch> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(dossier("DOSSIER_STALE", "S" + i, i % 2 == 0 ? "U2" : "U1", "", null, null));
        }
        rows.add(dossier("DOSSIER_MISSING_ON_PORTAL", "M1", "U2", "", null, null));
        rows.add(dossier("DOSSIER_ORPHAN_ON_PORTAL", "O1", "U1", "", null, "2"));
        write("A", facts(), rows.toArray(Mismatch[]::new));

        Page<MismatchRow> first = store.find("A", null, null, 0, 3);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.page()).isZero();
        assertThat(first.items()).extracting(MismatchRow::recordKey).containsExactly("M1", "S1", "S2");
        assertThat(store.find("A", null, null, 2, 3).items())
                .extracting(MismatchRow::recordKey)
                .containsExactly("O1");
        assertThat(store.find("A", null, null, 3, 3).items()).isEmpty();
        assertThat(store.find("A", "DOSSIER_STALE", "U2", 0, 10).items())
                .extracting(MismatchRow::recordKey)
                .containsExactly("S2", "S4");
        assertThat(store.find("A", "DOSSIER_STALE", null, 0, 10).total()).isEqualTo(5);
        assertThat(store.find("A", null, "U1", 0, 10).total()).isEqualTo(4);
        assertThat(store.find("B", null, null, 0, 10).total()).isZero();
    }

    @Test
    void reopeningARunReplacesItsRows() {
        TestDatabase.run(jdbc, "A", "nightly", "RUNNING", T0);
        write(
                "A",
                facts(),
                dossier("DOSSIER_STALE", "S1", "U1", "", null, null),
                dossier("DOSSIER_STALE", "S2", "U1", "", null, null));
        write("A", facts(), dossier("DOSSIER_STALE", "S2", "U1", "", null, null));
        assertThat(changes("A")).containsOnly(Map.entry("S2|", "NEW"));
    }

    @Test
    void rowsOfAWriterNeverClosedAreDroppedByTheNextOpen() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        MismatchWriter abandoned = store.open("A", MODEL, facts());
        for (int i = 0; i < 5; i++) {
            abandoned.accept(dossier("DOSSIER_STALE", "S" + i, "U1", "", null, null));
        }
        jdbc.update("update run set status = 'FAILED' where id = 'A'");
        TestDatabase.run(jdbc, "B", "reconcile", "RUNNING", T0.plusDays(1));
        write("B", facts(), dossier("DOSSIER_STALE", "S1", "U1", "", null, null));
        assertThat(jdbc.queryForObject("select count(*) from mismatch_staging", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("select run_id from mismatch", String.class))
                .containsExactly("B");
    }

    @Test
    void theIndexEstimateIsKeptPerRunProvinceWideThenPerUnitInTheModelsOrder() {
        TestDatabase.run(jdbc, "A", "reconcile", "RUNNING", T0);
        IndexFacts facts = facts();
        facts.unitName("U1", "Sở Tư pháp");
        IndexEstimates estimates = new IndexEstimates(jdbc);
        estimates.save("A", MODEL.estimateAll(facts));
        IndexReport index = estimates.of("A").orElseThrow();
        assertThat(index.province())
                .extracting(GroupScore::group)
                .containsExactly("publicity", "on_time", "online_services", "online_payment", "digitisation");
        assertThat(index.province().get(0).portal()).isCloseTo(15.3, within(1e-6));
        assertThat(index.province().get(0).city()).isCloseTo(18.0, within(1e-6));
        assertThat(index.province().get(0).name()).isEqualTo("Công khai, minh bạch");
        assertThat(index.province().get(2).city()).isZero(); // no online dossiers in these facts
        assertThat(index.units())
                .extracting(IndexReport.UnitIndex::unitCode, IndexReport.UnitIndex::unitName)
                .containsExactly(tuple("000.00.00.H26", ""), tuple("U1", "Sở Tư pháp"));
        assertThat(index.units().get(1).groups().get(1).portal()).isCloseTo(18.5, within(1e-6));
        assertThat(estimates.of("B")).isEmpty();
    }
}

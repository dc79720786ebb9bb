package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchWriter;
import vn.dvcsync.report.ReportService;

/**
 * issue #12: an OFFICIAL bound to units ({@code dvcsync.security.users[i].units}) sees only their rows in every answer
 * — the JSON pages, the CSV and XLSX exports, the index estimate — and is refused (403) another unit's; an OFFICIAL
 * with no unit sees the province, ADMIN every unit, and the run's own report files keep every unit.
 */
@SpringBootTest(
        properties = {
            "dvcsync.report-dir=target/test-reports/unit-scope",
            "dvcsync.security.users[0].name=admin",
            "dvcsync.security.users[0].password-hash=" + UnitScopedAccountsTest.ADMIN_HASH,
            "dvcsync.security.users[0].roles=ADMIN",
            "dvcsync.security.users[1].name=official",
            "dvcsync.security.users[1].password-hash=" + UnitScopedAccountsTest.OFFICIAL_HASH,
            "dvcsync.security.users[1].roles=OFFICIAL",
            "dvcsync.security.users[2].name=tuphap",
            "dvcsync.security.users[2].password-hash=" + UnitScopedAccountsTest.OFFICIAL_HASH,
            "dvcsync.security.users[2].roles=OFFICIAL",
            "dvcsync.security.users[2].units=" + UnitScopedAccountsTest.TU_PHAP,
            "dvcsync.security.users[3].name=two-units",
            "dvcsync.security.users[3].password-hash=" + UnitScopedAccountsTest.OFFICIAL_HASH,
            "dvcsync.security.users[3].roles=OFFICIAL",
            "dvcsync.security.users[3].units[0]=" + UnitScopedAccountsTest.TU_PHAP,
            "dvcsync.security.users[3].units[1]=" + UnitScopedAccountsTest.XAY_DUNG
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitScopedAccountsTest {

    static final String ADMIN_HASH = "$2a$10$i3FW4GsFnXjxON5VHGHjCuuBY24Rl3CkK1a4GJ0iqgh3riX00QXCu"; // admin-test-pw
    static final String OFFICIAL_HASH =
            "$2a$10$JZm5bVhcFkfoCiHRiVwd4.gfFNrcnz7N8BTynQbcMUvfaQY4mg2Wq"; // official-test-pw
    static final String TU_PHAP = "000.01.30.H26";
    static final String XAY_DUNG = "000.02.30.H26";
    static final String Y_TE = "000.03.30.H26";
    static final List<String> UNITS = List.of(TU_PHAP, XAY_DUNG, Y_TE);
    static final Map<String, String> NAMES = Map.of(TU_PHAP, "Sở Tư pháp", XAY_DUNG, "Sở Xây dựng", Y_TE, "Sở Y tế");
    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(7));

    static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-pw");
    static final RequestPostProcessor PROVINCE = httpBasic("official", "official-test-pw");
    static final RequestPostProcessor ONE_UNIT = httpBasic("tuphap", "official-test-pw");
    static final RequestPostProcessor TWO_UNITS = httpBasic("two-units", "official-test-pw");
    static final int CSV_UNIT = 4; // unit_code

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MismatchStore store;

    @Autowired
    ReportService reports;

    @Autowired
    IndexModel model;

    @Value("${dvcsync.report-dir}")
    Path reportDir;

    MockMvc mvc;

    /**
     * Run "scope-older": one row per unit, each resolved by "scope-latest" but Y tế's; "scope-latest": 3 rows of Tư
     * pháp, 4 of Xây dựng, 5 of Y tế, its report files written as a run writes them (nobody logged in). Run
     * "scope-unwritten" has rows but no file yet.
     */
    @BeforeAll
    void runs() {
        FileSystemUtils.deleteRecursively(reportDir.toFile());
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        IndexFacts facts = new IndexFacts();
        for (String unit : UNITS) {
            facts.unitName(unit, NAMES.get(unit));
            facts.add(unit, IndexFacts.DOSSIERS_RECEIVED, 100);
            facts.add(unit, IndexFacts.DOSSIERS_ON_PORTAL, 90);
            facts.add(unit, IndexFacts.DOSSIERS_STATUS_CURRENT, 80);
        }
        run("scope-older", T0, facts, stale("OLD-1", TU_PHAP), stale("OLD-2", XAY_DUNG), stale("Y3", Y_TE));
        List<Mismatch> rows = new ArrayList<>();
        int[] counts = {3, 4, 5};
        for (int u = 0; u < UNITS.size(); u++) {
            for (int i = 0; i < counts[u]; i++) {
                rows.add(stale("L" + u + "-" + i, UNITS.get(u)));
            }
        }
        rows.set(rows.size() - 1, stale("Y3", Y_TE)); // persisting from scope-older
        run("scope-latest", T0.plusDays(1), facts, rows.toArray(Mismatch[]::new));
        reports.write("scope-latest", "reconcile", T0.minusDays(365), T0.plusDays(1), facts);
        run("scope-unwritten", T0.minusDays(1), facts, stale("U1", TU_PHAP), stale("U2", Y_TE));
    }

    static Mismatch stale(String key, String unit) {
        return new Mismatch("DOSSIER_STALE", "DOSSIER", key, unit, NAMES.get(unit), "", null, null);
    }

    void run(String id, OffsetDateTime startedAt, IndexFacts facts, Mismatch... rows) {
        jdbc.update(
                "insert into run (id, type, status, started_at) values (?, 'reconcile', 'RUNNING', ?)", id, startedAt);
        try (MismatchWriter w = store.open(id, model, facts)) {
            Arrays.stream(rows).forEach(w::accept);
        }
        jdbc.update("update run set status = 'SUCCEEDED', finished_at = ? where id = ?", startedAt.plusMinutes(5), id);
    }

    @Test
    void anOfficialOfOneUnitSeesOnlyItsRowsInTheJsonPages() throws Exception {
        mvc.perform(get("/api/v1/runs/latest/mismatches").with(ONE_UNIT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(3)))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[*].unitCode", everyItem(is(TU_PHAP))));
        mvc.perform(get("/api/v1/runs/latest/mismatches")
                        .param("unit", TU_PHAP)
                        .param("category", "DOSSIER_STALE")
                        .param("size", "2")
                        .with(ONE_UNIT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(3)));
        mvc.perform(get("/api/v1/runs/latest/mismatches").with(TWO_UNITS))
                .andExpect(jsonPath("$.total", is(7)))
                .andExpect(jsonPath("$.items[*].unitCode", everyItem(oneOf(TU_PHAP, XAY_DUNG))));
    }

    @Test
    void askingForAnotherUnitIsRefusedNotAnsweredEmpty() throws Exception {
        mvc.perform(get("/api/v1/runs/latest/mismatches").param("unit", Y_TE).with(ONE_UNIT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath(
                        "$.error", is("User 'tuphap' may see the rows of unit " + TU_PHAP + " only, not of " + Y_TE)));
        mvc.perform(get("/api/v1/runs/latest/mismatches")
                        .param("unit", XAY_DUNG)
                        .with(ONE_UNIT))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/runs/latest/mismatches").param("unit", Y_TE).with(TWO_UNITS))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath(
                        "$.error",
                        is("User 'two-units' may see the rows of units " + TU_PHAP + ", " + XAY_DUNG + " only, not of "
                                + Y_TE)));
        // a unit nobody has rows of is refused too: the answer does not tell which units exist
        mvc.perform(get("/api/v1/runs/latest/mismatches")
                        .param("unit", "000.99.30.H26")
                        .with(ONE_UNIT))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/runs/latest/mismatches").param("unit", Y_TE).with(PROVINCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(5)));
    }

    @Test
    void theOfficialOfTheProvinceAndAdminSeeEveryUnit() throws Exception {
        for (RequestPostProcessor who : List.of(PROVINCE, ADMIN)) {
            mvc.perform(get("/api/v1/runs/latest/mismatches")
                            .param("size", "100")
                            .with(who))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total", is(12)));
            assertThat(csvUnits(get("/api/v1/runs/latest/mismatches.csv"), who))
                    .isEqualTo(Map.of(TU_PHAP, 3, XAY_DUNG, 4, Y_TE, 5));
            mvc.perform(get("/api/v1/runs/latest/index").with(who))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.province[0].group", is("publicity")))
                    .andExpect(jsonPath("$.units[*].unitCode", contains(TU_PHAP, XAY_DUNG, Y_TE)));
            try (ReadableWorkbook wb = xlsx("latest", who)) {
                assertThat(units(wb, "Chi tiết")).isEqualTo(Map.of(TU_PHAP, 3, XAY_DUNG, 4, Y_TE, 5));
                assertThat(units(wb, "Đã khắc phục")).isEqualTo(Map.of(TU_PHAP, 1, XAY_DUNG, 1));
            }
        }
    }

    @Test
    void anOfficialOfOneUnitExportsOnlyItsRowsAsCsvAndXlsx() throws Exception {
        assertThat(csvUnits(get("/api/v1/runs/latest/mismatches.csv"), ONE_UNIT))
                .isEqualTo(Map.of(TU_PHAP, 3));
        assertThat(csvUnits(get("/api/v1/runs/latest/mismatches.csv"), TWO_UNITS))
                .isEqualTo(Map.of(TU_PHAP, 3, XAY_DUNG, 4));
        try (ReadableWorkbook wb = xlsx("latest", ONE_UNIT)) {
            assertThat(units(wb, "Chi tiết")).isEqualTo(Map.of(TU_PHAP, 3));
            assertThat(units(wb, "Đã khắc phục")).isEqualTo(Map.of(TU_PHAP, 1));
            List<Row> summary = wb.findSheet("Tổng hợp").orElseThrow().read();
            assertThat(summary).hasSize(3); // header, Tư pháp's DOSSIER_STALE, the total
            assertThat(summary.get(1).getCellText(0)).isEqualTo(TU_PHAP);
            assertThat(summary.get(2).getCellText(0)).isEqualTo("Tổng cộng");
            assertThat(summary.get(2).getCellAsNumber(3).orElseThrow().intValue())
                    .isEqualTo(3);
            assertThat(summary.get(2).getCellAsNumber(6).orElseThrow().intValue())
                    .isEqualTo(1); // resolved
        }
        // the run's own files on disk still hold every unit, and the province still gets them
        assertThat(fileUnits(reportDir.resolve("scope-latest/mismatches.csv")))
                .isEqualTo(Map.of(TU_PHAP, 3, XAY_DUNG, 4, Y_TE, 5));
        assertThat(csvUnits(get("/api/v1/runs/latest/mismatches.csv"), PROVINCE))
                .isEqualTo(Map.of(TU_PHAP, 3, XAY_DUNG, 4, Y_TE, 5));
        Map<String, Object> audit = jdbc.queryForMap(
                "select actor, details::text as details from audit_log where action = 'REPORT_EXPORTED'"
                        + " and actor = 'tuphap' order by id desc limit 1");
        assertThat((String) audit.get("details")).contains("xlsx").contains(TU_PHAP);
    }

    @Test
    void aReportFirstAskedForByAUnitIsWrittenForItAloneAndTheWholeOneStillForTheProvince() throws Exception {
        assertThat(csvUnits(get("/api/v1/runs/scope-unwritten/mismatches.csv"), ONE_UNIT))
                .isEqualTo(Map.of(TU_PHAP, 1));
        try (ReadableWorkbook wb = xlsx("scope-unwritten", ONE_UNIT)) {
            assertThat(units(wb, "Chi tiết")).isEqualTo(Map.of(TU_PHAP, 1));
        }
        assertThat(csvUnits(get("/api/v1/runs/scope-unwritten/mismatches.csv"), ADMIN))
                .isEqualTo(Map.of(TU_PHAP, 1, Y_TE, 1));
        try (ReadableWorkbook wb = xlsx("scope-unwritten", PROVINCE)) {
            assertThat(units(wb, "Chi tiết")).isEqualTo(Map.of(TU_PHAP, 1, Y_TE, 1));
        }
        assertThat(fileUnits(reportDir.resolve("scope-unwritten/mismatches.csv")))
                .isEqualTo(Map.of(TU_PHAP, 1, Y_TE, 1));
    }

    @Test
    void aRunThatWritesItsReportAgainDropsTheUnitsCopiesWrittenBefore() throws Exception {
        IndexFacts facts = new IndexFacts();
        run("scope-rewritten", T0.minusDays(2), facts, stale("R1", TU_PHAP), stale("R2", Y_TE));
        assertThat(csvUnits(get("/api/v1/runs/scope-rewritten/mismatches.csv"), ONE_UNIT))
                .isEqualTo(Map.of(TU_PHAP, 1));
        try (MismatchWriter w = store.open("scope-rewritten", model, facts)) { // a nightly's second pass
            w.accept(stale("R1", TU_PHAP));
            w.accept(stale("R3", TU_PHAP));
        }
        reports.write("scope-rewritten", "nightly", T0.minusDays(367), T0.minusDays(2), facts);
        assertThat(csvUnits(get("/api/v1/runs/scope-rewritten/mismatches.csv"), ONE_UNIT))
                .isEqualTo(Map.of(TU_PHAP, 2));
    }

    @Test
    void theIndexEstimateOfAUnitOfficialHoldsItsUnitsOnly() throws Exception {
        mvc.perform(get("/api/v1/runs/latest/index").with(ONE_UNIT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId", is("scope-latest")))
                .andExpect(jsonPath("$.province", hasSize(0)))
                .andExpect(jsonPath("$.units", hasSize(1)))
                .andExpect(jsonPath("$.units[0].unitCode", is(TU_PHAP)))
                .andExpect(jsonPath("$.units[0].unitName", is("Sở Tư pháp")))
                .andExpect(jsonPath("$.units[0].groups[0].group", is("publicity")));
        mvc.perform(get("/api/v1/runs/latest/index").with(TWO_UNITS))
                .andExpect(jsonPath("$.units[*].unitCode", containsInAnyOrder(TU_PHAP, XAY_DUNG)));
    }

    private Map<String, Integer> csvUnits(MockHttpServletRequestBuilder request, RequestPostProcessor who)
            throws Exception {
        byte[] csv = mvc.perform(request.with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return csvUnits(new String(csv, StandardCharsets.UTF_8));
    }

    private static Map<String, Integer> fileUnits(Path csv) throws IOException {
        return csvUnits(Files.readString(csv, StandardCharsets.UTF_8));
    }

    /** Rows per unit code of a CSV report (the header checked, then skipped). */
    private static Map<String, Integer> csvUnits(String text) {
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFrun_id,category,record_type,record_key,unit_code,");
        Map<String, Integer> units = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            units.merge(lines[i].split(",", -1)[CSV_UNIT], 1, Integer::sum);
        }
        return units;
    }

    private ReadableWorkbook xlsx(String run, RequestPostProcessor who) throws Exception {
        byte[] xlsx = mvc.perform(
                        get("/api/v1/runs/" + run + "/mismatches.xlsx").with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new ReadableWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** Rows per unit code of a sheet of rows (header skipped). */
    private static Map<String, Integer> units(ReadableWorkbook wb, String sheet) throws IOException {
        List<Row> rows = wb.findSheet(sheet).orElseThrow().read();
        assertThat(rows.get(0).getCellText(CSV_UNIT)).isEqualTo("Mã đơn vị");
        Map<String, Integer> units = new TreeMap<>();
        rows.stream().skip(1).forEach(r -> units.merge(r.getCellText(CSV_UNIT), 1, Integer::sum));
        return units;
    }
}

package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
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

/** The mismatch and index endpoints over two reconcile runs written straight into the store. */
@SpringBootTest(properties = "dvcsync.report-dir=target/test-reports/mismatch-api")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MismatchApiTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(7));
    static final RequestPostProcessor OFFICIAL = httpBasic("official", "official-test-pw");

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

    @BeforeAll
    void twoRuns() {
        FileSystemUtils.deleteRecursively(reportDir.toFile());
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        IndexFacts facts = new IndexFacts();
        facts.unitName("000.01.30.H26", "Sở Tư pháp");
        facts.add("000.01.30.H26", IndexFacts.DOSSIERS_RECEIVED, 100);
        facts.add("000.01.30.H26", IndexFacts.DOSSIERS_ON_PORTAL, 90);
        facts.add("000.01.30.H26", IndexFacts.DOSSIERS_STATUS_CURRENT, 80);
        run("api-older", T0, "SUCCEEDED", facts, stale("D0", "000.01.30.H26"));
        Mismatch[] rows = new Mismatch[12];
        for (int i = 0; i < 10; i++) {
            rows[i] = stale("D" + i, i < 6 ? "000.01.30.H26" : "000.02.30.H26");
        }
        rows[10] = new Mismatch(
                "DOSSIER_MISSING_ON_PORTAL", "DOSSIER", "D10", "000.01.30.H26", "Sở Tư pháp", "", null, null);
        rows[11] = new Mismatch(
                "APPLICANT_NOT_FOUND",
                "APPLICANT",
                "D11",
                "000.02.30.H26",
                "Sở Xây dựng",
                "SoDinhDanh",
                "001099012345",
                null);
        run("api-latest", T0.plusDays(1), "SUCCEEDED", facts, rows);
        reports.write("api-latest", "reconcile", T0.minusDays(365), T0.plusDays(1), facts);
        run("api-running", T0.plusDays(2), "RUNNING", facts, stale("D1", "000.01.30.H26"));
    }

    static Mismatch stale(String key, String unit) {
        return new Mismatch(
                "DOSSIER_STALE",
                "DOSSIER",
                key,
                unit,
                unit.startsWith("000.01") ? "Sở Tư pháp" : "Sở Xây dựng",
                "",
                null,
                null);
    }

    void run(String id, OffsetDateTime startedAt, String status, IndexFacts facts, Mismatch... rows) {
        jdbc.update(
                "insert into run (id, type, status, started_at) values (?, 'reconcile', 'RUNNING', ?)", id, startedAt);
        try (MismatchWriter w = store.open(id, model, facts)) {
            Arrays.stream(rows).forEach(w::accept);
        }
        jdbc.update(
                "update run set status = ?, finished_at = ? where id = ?",
                status,
                "RUNNING".equals(status) ? null : startedAt.plusMinutes(5),
                id);
    }

    @Test
    void withoutCredentialsNothingIsShown() throws Exception {
        for (String path : List.of("mismatches", "mismatches.csv", "mismatches.xlsx", "index")) {
            mvc.perform(get("/api/v1/runs/latest/" + path)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/runs/latest/mismatches").with(httpBasic("official", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void latestIsTheLatestFinishedReconcileAndPagesGoLargestImpactFirst() throws Exception {
        mvc.perform(get("/api/v1/runs/latest/mismatches").param("size", "5").with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page", is(0)))
                .andExpect(jsonPath("$.size", is(5)))
                .andExpect(jsonPath("$.total", is(12)))
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[*].runId", everyItem(is("api-latest"))))
                .andExpect(jsonPath("$.items[0].recordKey", is("D10")))
                .andExpect(jsonPath("$.items[0].change", is("NEW")))
                .andExpect(jsonPath("$.items[1].recordKey", is("D0")))
                .andExpect(jsonPath("$.items[1].change", is("PERSISTING")))
                .andExpect(jsonPath("$.items[1].detectedAt").isString());
        mvc.perform(get("/api/v1/runs/latest/mismatches")
                        .param("size", "5")
                        .param("page", "2")
                        .with(OFFICIAL))
                .andExpect(jsonPath("$.items[*].recordKey", contains("D9", "D11")));
        mvc.perform(get("/api/v1/runs/api-running/mismatches").with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(1)));
    }

    @Test
    void aRunThatComparedNothingHasNoReportButNamesTheNewestThatDid() throws Exception {
        jdbc.update(
                "insert into run (id, type, status, started_at, finished_at) values (?, 'incremental', 'SUCCEEDED', ?, ?)"
                        + " on conflict do nothing",
                "api-incremental",
                T0.plusDays(3),
                T0.plusDays(3).plusMinutes(1));
        for (String path : List.of("mismatches", "mismatches.csv", "mismatches.xlsx", "index")) {
            mvc.perform(get("/api/v1/runs/api-incremental/" + path).with(OFFICIAL))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath(
                            "$.error",
                            is("Run api-incremental is an incremental run, which compares nothing: it has no"
                                    + " mismatch report; the newest reconcile or nightly run is api-latest"
                                    + " (or ask for 'latest')")));
        }
    }

    @Test
    void categoryAndUnitFilter() throws Exception {
        mvc.perform(get("/api/v1/runs/api-latest/mismatches")
                        .param("category", "DOSSIER_STALE")
                        .param("unit", "000.02.30.H26")
                        .with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(4)))
                .andExpect(jsonPath("$.items[*].recordKey", contains("D6", "D7", "D8", "D9")))
                .andExpect(jsonPath("$.items[*].unitName", everyItem(is("Sở Xây dựng"))));
        mvc.perform(get("/api/v1/runs/api-latest/mismatches")
                        .param("category", "APPLICANT_NOT_FOUND")
                        .with(OFFICIAL))
                .andExpect(jsonPath("$.items[0].cityValue", is("********2345")));
        mvc.perform(get("/api/v1/runs/api-latest/mismatches")
                        .param("category", "STALE")
                        .with(OFFICIAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isString());
        mvc.perform(get("/api/v1/runs/api-latest/mismatches")
                        .param("size", "100000")
                        .with(OFFICIAL))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/runs/no-such-run/mismatches").with(OFFICIAL)).andExpect(status().isNotFound());
    }

    @Test
    void theWholeReportAsCsvAndXlsxStoredOrWrittenOnRequest() throws Exception {
        byte[] csv = mvc.perform(get("/api/v1/runs/latest/mismatches.csv").with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"mismatches-api-latest.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFrun_id,category,record_type,record_key,unit_code,unit_name,field,city_value,"
                        + "portal_value,impact_points,detected_at\r\n");
        assertThat(text.split("\r\n")).hasSize(13);
        assertThat(text).contains("Sở Tư pháp").contains("********2345").doesNotContain("001099012345");

        byte[] older = mvc.perform(get("/api/v1/runs/api-older/mismatches.csv").with(OFFICIAL))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(older, StandardCharsets.UTF_8).split("\r\n")).hasSize(2);
        assertThat(reportDir.resolve("api-older/mismatches.csv")).exists();

        byte[] xlsx = mvc.perform(get("/api/v1/runs/latest/mismatches.xlsx").with(httpBasic("admin", "admin-test-pw")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly("Tổng hợp", "Chi tiết", "Đã khắc phục");
            assertThat(wb.findSheet("Chi tiết").orElseThrow().read()).hasSize(13);
        }
    }

    @Test
    void theIndexEstimateOfARunProvinceWideAndPerUnit() throws Exception {
        mvc.perform(get("/api/v1/runs/latest/index").with(OFFICIAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId", is("api-latest")))
                .andExpect(jsonPath("$.province[0].group", is("publicity")))
                .andExpect(jsonPath("$.province[0].name", is("Công khai, minh bạch")))
                .andExpect(jsonPath("$.province[0].city", is(18.0)))
                .andExpect(jsonPath("$.province[0].portal", is(15.3))) // 18 × (6 × 0.9 + 6 × 0.8) ÷ 12
                .andExpect(jsonPath("$.province[0].max", is(18.0)))
                .andExpect(jsonPath("$.units[0].unitCode", is("000.01.30.H26")))
                .andExpect(jsonPath("$.units[0].unitName", is("Sở Tư pháp")));
        mvc.perform(get("/api/v1/runs/api-older/index").with(OFFICIAL)).andExpect(status().isNotFound());
    }
}

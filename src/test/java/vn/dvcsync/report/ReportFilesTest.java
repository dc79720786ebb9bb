package vn.dvcsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.reconcile.Mismatch;

/** The three report files of a run compared with its previous run, read back as a user's program would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFilesTest {

    static final String HEADER = "run_id,category,record_type,record_key,unit_code,unit_name,field,city_value,"
            + "portal_value,impact_points,detected_at";
    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(7));

    @TempDir
    static Path reports;

    JdbcTemplate jdbc;
    MismatchStore store;
    ReportService service;
    Path dir;

    @BeforeAll
    void twoRuns() {
        jdbc = TestDatabase.fresh();
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T18:30:05.5Z"), ZoneOffset.UTC);
        store = new MismatchStore(jdbc, clock, 1000);
        service = new ReportService(
                store, new IndexEstimates(jdbc), MismatchStoreTest.MODEL, reports, clock, new XlsxReport(3));
        TestDatabase.run(jdbc, "20250228-010000-a1b2", "reconcile", "RUNNING", T0.minusDays(1));
        write(
                "20250228-010000-a1b2",
                dossier("DOSSIER_STALE", "H26.01-250101-0009", "U2", "UBND quận Ba Đình", "", null, null),
                dossier("DOSSIER_MISSING_ON_PORTAL", "H26.01-250101-0001", "U1", "Sở Tư pháp", "", null, null));
        TestDatabase.finish(jdbc, "20250228-010000-a1b2");
        TestDatabase.run(jdbc, "20250301-010000-c3d4", "nightly", "RUNNING", T0);
        write(
                "20250301-010000-c3d4",
                dossier("DOSSIER_MISSING_ON_PORTAL", "H26.01-250101-0001", "U1", "Sở Tư pháp", "", null, null),
                dossier(
                        "DOSSIER_FIELD_MISMATCH",
                        "H26.01-250101-0002",
                        "U1",
                        "Sở Tư pháp",
                        "TrichYeuHoSo",
                        "Cấp phiếu, \"số 1\"\nlần 2",
                        "Cấp phiếu"),
                new Mismatch(
                        "APPLICANT_DATA_MISMATCH",
                        "APPLICANT",
                        "H26.01-250101-0003",
                        "U1",
                        "Sở Tư pháp",
                        "HoTen",
                        "Nguyễn Văn Án",
                        "Nguyễn Văn An"),
                new Mismatch(
                        "APPLICANT_NOT_FOUND",
                        "APPLICANT",
                        "H26.01-250101-0004",
                        "U2",
                        "UBND quận Ba Đình",
                        "SoDinhDanh",
                        "001099012345",
                        null),
                dossier(
                        "DOSSIER_STATUS_MISMATCH",
                        "H26.01-250101-0005",
                        "U2",
                        "UBND quận Ba Đình",
                        "TrangThaiHoSo",
                        "4",
                        "2"),
                new Mismatch(
                        "PROCEDURE_NOT_PUBLIC",
                        "PROCEDURE",
                        "1.001234",
                        "000.00.00.H26",
                        "UBND thành phố Hà Nội",
                        "",
                        null,
                        null),
                dossier(
                        "DOSSIER_STALE",
                        "H26.01-250101-0006",
                        "U2",
                        "UBND quận Ba Đình",
                        "",
                        "20250301080000",
                        "20250228080000"));
        dir = service.write("20250301-010000-c3d4", "nightly", T0.minusDays(365), T0, MismatchStoreTest.facts());
    }

    static Mismatch dossier(
            String category, String key, String unit, String unitName, String field, String city, String portal) {
        return new Mismatch(category, "DOSSIER", key, unit, unitName, field, city, portal);
    }

    void write(String runId, Mismatch... rows) {
        try (MismatchWriter w = store.open(runId, MismatchStoreTest.MODEL, MismatchStoreTest.facts())) {
            Arrays.stream(rows).forEach(w::accept);
        }
    }

    @Test
    void theThreeFilesAreInTheRunsDirectory() {
        assertThat(dir).isEqualTo(reports.resolve("20250301-010000-c3d4"));
        assertThat(dir.resolve("mismatches.csv")).isRegularFile();
        assertThat(dir.resolve("mismatches.xlsx")).isRegularFile();
        assertThat(dir.resolve("summary.json")).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("mismatches.csv", "mismatches.xlsx", "summary.json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void csvHasTheBomTheExactHeaderAndVietnameseTextIntact() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("mismatches.csv"));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(HEADER + "\r\n");
        List<List<String>> rows = parseCsv(text);
        assertThat(rows.get(0)).isEqualTo(Arrays.asList(HEADER.split(",")));
        assertThat(rows).hasSize(8);
        List<String> first = rows.get(1);
        assertThat(first)
                .containsExactly(
                        "20250301-010000-c3d4",
                        "PROCEDURE_NOT_PUBLIC",
                        "PROCEDURE",
                        "1.001234",
                        "000.00.00.H26",
                        "UBND thành phố Hà Nội",
                        "",
                        "",
                        "",
                        "0.6",
                        "2025-03-02T01:30:05+07:00");
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsSubsequence(
                                "H26.01-250101-0003", "U1", "Sở Tư pháp", "HoTen", "Nguyễn Văn Án", "Nguyễn Văn An"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(7)).isEqualTo("Cấp phiếu, \"số 1\"\nlần 2"));
        assertThat(text).contains("\"Cấp phiếu, \"\"số 1\"\"\nlần 2\"");
        assertThat(rows)
                .anySatisfy(r -> assertThat(r.subList(3, 8))
                        .containsExactly(
                                "H26.01-250101-0004", "U2", "UBND quận Ba Đình", "SoDinhDanh", "********2345"));
        assertThat(text).doesNotContain("001099012345");
    }

    @Test
    void xlsxHasTheSummaryThenTheDetailsOverSeveralSheetsThenWhatWasResolved() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("mismatches.xlsx"));
                ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets)
                    .extracting(Sheet::getName)
                    .containsExactly("Tổng hợp", "Chi tiết", "Chi tiết 2", "Chi tiết 3", "Đã khắc phục");
            // written for officials: Vietnamese headers (the console's texts), typed by hand here
            List<String> detailHeader = List.of(
                    "Lần chạy",
                    "Loại sai lệch",
                    "Loại bản ghi",
                    "Mã bản ghi",
                    "Mã đơn vị",
                    "Đơn vị",
                    "Trường dữ liệu",
                    "Giá trị ở thành phố",
                    "Giá trị trên Cổng",
                    "Điểm ảnh hưởng",
                    "Phát hiện lúc",
                    "So với lần trước");
            List<Row> detailRows = new ArrayList<>();
            for (Sheet s : sheets.subList(1, 4)) {
                List<Row> rows = s.read();
                assertThat(text(rows.get(0))).as(s.getName()).isEqualTo(detailHeader);
                detailRows.addAll(rows.subList(1, rows.size()));
            }
            List<List<String>> details =
                    detailRows.stream().map(ReportFilesTest::text).toList();
            List<List<String>> csv =
                    parseCsv(Files.readString(dir.resolve("mismatches.csv")).substring(1));
            assertThat(details).hasSize(7);
            assertThat(details)
                    .as("the detail carries the change in Vietnamese, the CSV the contract's eleven columns")
                    .extracting(r -> r.get(11))
                    .containsOnly("Mới", "Tồn tại")
                    .filteredOn("Mới"::equals)
                    .hasSize(6);
            assertThat(csv.get(0)).hasSize(11);
            for (int i = 0; i < details.size(); i++) {
                List<String> fromCsv = csv.get(i + 1);
                Row row = detailRows.get(i);
                List<String> fromXlsx = details.get(i);
                // the codes the CSV has, but for the category (its Vietnamese name), the points and the time
                for (int c : new int[] {0, 2, 3, 4, 5, 6, 7, 8}) {
                    assertThat(fromXlsx.get(c)).as("row %d column %d", i, c).isEqualTo(fromCsv.get(c));
                }
                assertThat(fromXlsx.get(1))
                        .isNotEqualTo(fromCsv.get(1))
                        .isEqualTo(XlsxReport.label("category", fromCsv.get(1)));
                assertThat(BigDecimal.valueOf(number(row, 9))).isEqualByComparingTo(new BigDecimal(fromCsv.get(9)));
                assertThat(row.getCell(9).getDataFormatString()).isEqualTo("#,##0.000");
                // a date cell, in Vietnam time: the CSV's time with its +07:00 offset dropped
                assertThat(row.getCellAsDate(10).orElseThrow())
                        .isEqualTo(
                                java.time.OffsetDateTime.parse(fromCsv.get(10)).toLocalDateTime());
                assertThat(row.getCell(10).getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
            }
            assertThat(details).anySatisfy(r -> assertThat(r).contains("Nguyễn Văn Án", "Sở Tư pháp"));
            assertThat(details).extracting(r -> r.get(1)).contains("Thủ tục chưa công khai", "Hồ sơ chưa có trên Cổng");

            List<Row> resolved = sheets.get(4).read();
            assertThat(resolved).hasSize(2);
            assertThat(text(resolved.get(1)))
                    .startsWith(
                            "20250228-010000-a1b2", "Hồ sơ trên Cổng chưa cập nhật", "DOSSIER", "H26.01-250101-0009")
                    .endsWith("Đã khắc phục");

            List<Row> summary = sheets.get(0).read();
            assertThat(text(summary.get(0)))
                    .containsExactly(
                            "Mã đơn vị",
                            "Đơn vị",
                            "Loại sai lệch",
                            "Số sai lệch",
                            "Mới",
                            "Tồn tại từ lần trước",
                            "Đã khắc phục",
                            "Điểm ảnh hưởng");
            List<Row> lines = summary.subList(1, summary.size() - 1);
            Row total = summary.get(summary.size() - 1);
            assertThat(total.getCellText(0)).isEqualTo("Tổng cộng");
            assertThat(number(total, 3)).isEqualTo(7);
            assertThat(number(total, 4)).isEqualTo(6);
            assertThat(number(total, 5)).isEqualTo(1);
            assertThat(number(total, 6)).isEqualTo(1);
            assertThat(lines.stream().mapToDouble(r -> number(r, 3)).sum()).isEqualTo(7);
            double impact = lines.stream().mapToDouble(r -> number(r, 7)).sum();
            assertThat(number(total, 7)).isCloseTo(impact, within(1e-9));
            assertThat(total.getCell(7).getDataFormatString())
                    .as("the total too shows at most three decimals")
                    .isEqualTo("#,##0.000");
            assertThat(impact)
                    .isCloseTo(
                            csv.stream()
                                    .skip(1)
                                    .mapToDouble(r -> Double.parseDouble(r.get(9)))
                                    .sum(),
                            within(1e-9));
            // largest impact first: the procedure (0.6), then the missing dossier (0.16 = 0.03 + 0.03 + 0.1)
            assertThat(text(lines.get(0)).subList(0, 3))
                    .containsExactly("000.00.00.H26", "UBND thành phố Hà Nội", "Thủ tục chưa công khai");
            assertThat(text(lines.get(1)).subList(0, 3)).containsExactly("U1", "Sở Tư pháp", "Hồ sơ chưa có trên Cổng");
            assertThat(number(lines.get(1), 7)).isCloseTo(0.16, within(1e-9));
            for (int i = 1; i < lines.size(); i++) {
                assertThat(number(lines.get(i), 7)).isLessThanOrEqualTo(number(lines.get(i - 1), 7));
            }
        }
    }

    @Test
    void summaryJsonHasCountsChangesUnitsAndTheIndexEstimate() throws IOException {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(s.get("runId").asText()).isEqualTo("20250301-010000-c3d4");
        assertThat(s.get("type").asText()).isEqualTo("nightly");
        assertThat(s.at("/period/from").asText()).isEqualTo("2024-03-01T01:00:00+07:00");
        assertThat(s.at("/period/to").asText()).isEqualTo("2025-03-01T01:00:00+07:00");
        assertThat(s.get("mismatches").asLong()).isEqualTo(7);
        assertThat(s.get("categories").size()).isEqualTo(11);
        assertThat(s.at("/categories/DOSSIER_STALE/count").asLong()).isEqualTo(1);
        assertThat(s.at("/categories/DOSSIER_ORPHAN_ON_PORTAL/count").asLong()).isZero();
        assertThat(s.at("/categories/PROCEDURE_NOT_PUBLIC/impactPoints").asDouble())
                .isCloseTo(0.6, within(1e-9));
        assertThat(s.get("previousRunId").asText()).isEqualTo("20250228-010000-a1b2");
        assertThat(s.at("/changes/NEW").asLong()).isEqualTo(6);
        assertThat(s.at("/changes/PERSISTING").asLong()).isEqualTo(1);
        assertThat(s.at("/changes/RESOLVED").asLong()).isEqualTo(1);
        assertThat(s.get("units").findValuesAsText("unitCode")).containsExactly("000.00.00.H26", "U1", "U2");
        assertThat(s.get("units").get(1).get("unitName").asText()).isEqualTo("Sở Tư pháp");
        assertThat(s.get("units").get(2).get("resolved").asLong()).isEqualTo(1);
        JsonNode publicity = s.at("/index/province/0");
        assertThat(publicity.get("group").asText()).isEqualTo("publicity");
        assertThat(publicity.get("city").asDouble()).isCloseTo(18.0, within(1e-6));
        assertThat(publicity.get("portal").asDouble()).isCloseTo(15.3, within(1e-6));
        assertThat(s.at("/index/units").findValuesAsText("unitCode")).contains("U1");
    }

    @Test
    void filesOfARunWithoutThemAreWrittenOnRequestAndRunIdsCannotLeaveTheReportDirectory() throws IOException {
        Path csv = service.csv("20250228-010000-a1b2");
        assertThat(csv).isEqualTo(reports.resolve("20250228-010000-a1b2/mismatches.csv"));
        assertThat(parseCsv(Files.readString(csv).substring(1))).hasSize(3);
        assertThat(service.xlsx("20250228-010000-a1b2")).isRegularFile();
        assertThat(service.csv("20250301-010000-c3d4")).isEqualTo(dir.resolve("mismatches.csv"));
        assertThatThrownBy(() -> service.csv("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> text(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getCellText(i));
        }
        return cells;
    }

    private static double number(Row row, int cell) {
        return row.getCellAsNumber(cell).orElseThrow().doubleValue();
    }

    /** RFC 4180, strictly: CRLF between records, quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line break or quote at %d", i).isNotIn('\r', '\n', '"');
                field.append(c);
            }
            i++;
        }
        assertThat(row).as("the file ends with CRLF").isEmpty();
        return rows.stream().map(List::copyOf).collect(Collectors.toList());
    }
}

package vn.dvcsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.demo.DemoCity;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.simulator.PortalSimulator;

/**
 * issue #9: a city text starting with {@code =} landed as it was in {@code mismatches.csv}, where a spreadsheet runs
 * it. A dossier's summary set to {@code =HYPERLINK("http://x","y")} in the city reaches the reports of a reconcile
 * run: in the CSV as {@code '=HYPERLINK(…)} (shown as text), in the XLSX as a text cell holding it exactly, no
 * formula; the number column keeps its numbers.
 */
@SpringBootTest(properties = {"dvcsync.demo.dossiers=300", "dvcsync.report-dir=target/test-reports/formula-cells"})
@ActiveProfiles("test")
class FormulaCellsTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @Autowired
    RunService runs;

    @Autowired
    DemoCity demo;

    @Autowired
    PortalSimulator portal;

    @Autowired
    JdbcTemplate store;

    @Test
    void aSummaryWrittenAsAFormulaReachesTheCsvNeutralisedAndTheXlsxAsText() throws Exception {
        JdbcTemplate city = new JdbcTemplate(demo.writableDataSource());
        String key = city.queryForList("select ma_ho_so from city.ho_so order by ma_ho_so", String.class).stream()
                .filter(k -> portal.dossier(k).isPresent())
                .findFirst()
                .orElseThrow();
        city.update("update city.ho_so set trich_yeu = ? where ma_ho_so = ?", FORMULA, key);

        Run run = runs.execute(RunType.RECONCILE);
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(store.queryForObject(
                        "select city_value from mismatch where run_id = ? and record_key = ? and field = ?",
                        String.class,
                        run.id(),
                        key,
                        "TrichYeuHoSo"))
                .isEqualTo(FORMULA);
        Path dir = Path.of("target/test-reports/formula-cells", run.id());

        String csv = Files.readString(dir.resolve("mismatches.csv"), StandardCharsets.UTF_8)
                .substring(1);
        List<List<String>> rows = ReportFilesTest.parseCsv(csv);
        List<String> row = rows.stream()
                .filter(r -> r.get(3).equals(key) && r.get(6).equals("TrichYeuHoSo"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(7)).isEqualTo("'" + FORMULA);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r.get(9)).as("impact_points stays a number").matches("-?\\d+(\\.\\d+)?");
            assertThat(r.stream().filter(c -> !c.isEmpty()).map(c -> c.charAt(0)))
                    .as("no cell would run as a formula")
                    .noneMatch(c -> "=+@\t\r".indexOf(c) >= 0);
        });

        try (InputStream in = Files.newInputStream(dir.resolve("mismatches.xlsx"));
                ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet details = wb.getSheets()
                    .filter(s -> s.getName().equals(XlsxReport.DETAILS))
                    .findFirst()
                    .orElseThrow();
            List<Row> all = details.read();
            assertThat(all)
                    .allSatisfy(
                            r -> assertThat(r.stream()).noneMatch(c -> c != null && c.getType() == CellType.FORMULA));
            Row found = all.stream()
                    .filter(r -> key.equals(r.getCellText(3)) && "TrichYeuHoSo".equals(r.getCellText(6)))
                    .findFirst()
                    .orElseThrow();
            Cell cell = found.getCell(7);
            assertThat(cell.getType()).isEqualTo(CellType.STRING);
            assertThat(cell.getFormula()).isNull();
            assertThat(cell.asString()).isEqualTo(FORMULA);
            assertThat(found.getCell(9).getType()).as("impact_points").isEqualTo(CellType.NUMBER);
        }
    }

    @Test
    void onlyTextCellsAreNeutralisedNegativeImpactStaysANumber() {
        MismatchRow row = new MismatchRow(
                "r1",
                "DOSSIER_FIELD_MISMATCH",
                "DOSSIER",
                "H26.01-1",
                "U1",
                "@unit",
                "TrichYeuHoSo",
                "-5 cộng 3",
                "+84 912",
                -0.25,
                OffsetDateTime.parse("2025-03-01T01:00:00+07:00"),
                "NEW");
        List<String> cells = CsvReport.cells(row);
        assertThat(cells.get(9)).isEqualTo("-0.25");
        assertThat(CsvReport.asText(cells.get(5))).isEqualTo("'@unit");
        assertThat(CsvReport.asText(cells.get(7))).isEqualTo("'-5 cộng 3");
        assertThat(CsvReport.asText(cells.get(8))).isEqualTo("'+84 912");
        assertThat(CsvReport.asText("\tx")).isEqualTo("'\tx");
        assertThat(CsvReport.asText("\rx")).isEqualTo("'\rx");
        assertThat(CsvReport.asText("Cấp phiếu = 1")).isEqualTo("Cấp phiếu = 1");
        assertThat(CsvReport.asText("")).isEmpty();
    }
}

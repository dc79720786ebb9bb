package vn.dvcsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.dvcsync.kernel.Vietnam;

/**
 * {@code mismatches.xlsx}, the report made for officials, streamed with fastexcel (strings inline, rows flushed as
 * they go: memory does not grow with the rows): "Tổng hợp" (per unit and category: rows, new, persisting, resolved,
 * impact, largest impact first, then a total line), "Chi tiết" (the CSV's rows and each row's change against the
 * previous run; past a sheet's last row it goes on in "Chi tiết 2", …) and "Đã khắc phục" (the previous run's rows
 * resolved since, likewise). Column headers, categories and changes are in Vietnamese, the console's texts
 * ({@code console/messages_vi.properties}); the time a row was found is a date cell in Vietnam time; points show at
 * most three decimals (the value keeps its precision); every sheet has an autofilter, a frozen header and column
 * widths. The CSV keeps the contract's columns and codes, for machines.
 *
 * <p>Every text goes in as an inline string cell: a spreadsheet shows it as text, even one starting with {@code =}
 * (a city's summary {@code =HYPERLINK(…)}), and never runs it; only counts, points and dates are other cells. No
 * cell is a formula.
 */
final class XlsxReport {

    static final String SUMMARY = "Tổng hợp";
    static final String DETAILS = "Chi tiết";
    static final String RESOLVED = "Đã khắc phục";
    static final String TOTAL = "Tổng cộng";

    /** The console's texts, in Vietnamese: the officials' report reads as their pages do. */
    private static final ResourceBundle TEXTS =
            ResourceBundle.getBundle("console/messages", Locale.forLanguageTag("vi"));

    /** The detail sheets' columns: the CSV's eleven, then the change; their headers' keys in {@link #TEXTS}. */
    private static final List<String> DETAIL_KEYS = List.of(
            "col.run",
            "col.category",
            "col.recordType",
            "col.recordKey",
            "col.unitCode",
            "col.unit",
            "col.field",
            "col.cityValue",
            "col.portalValue",
            "col.points",
            "col.detectedAt",
            "col.change");

    private static final List<String> SUMMARY_KEYS = List.of(
            "col.unitCode",
            "col.unit",
            "col.category",
            "col.count",
            "col.new",
            "col.persisting",
            "col.resolved",
            "col.points");

    static final List<String> DETAIL_COLUMNS = texts(DETAIL_KEYS);
    static final List<String> SUMMARY_COLUMNS = texts(SUMMARY_KEYS);

    /** Widths in characters, per column. */
    private static final double[] DETAIL_WIDTHS = {22, 34, 12, 24, 16, 36, 20, 30, 30, 12, 17, 16};

    private static final double[] SUMMARY_WIDTHS = {16, 40, 40, 12, 10, 14, 14, 14};

    static final String POINTS_FORMAT = "#,##0.000";
    static final String DATE_FORMAT = "dd/mm/yyyy hh:mm";

    /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
    static final int MAX_ROWS = 1_048_575;

    private static final int CATEGORY = CsvReport.COLUMNS.indexOf("category");
    private static final int IMPACT = CsvReport.COLUMNS.indexOf("impact_points");
    private static final int DETECTED = CsvReport.COLUMNS.indexOf("detected_at");
    private static final int FLUSH_EVERY = 1_000;

    private final int rowsPerSheet;

    XlsxReport() {
        this(MAX_ROWS);
    }

    XlsxReport(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    /** A category's or a change's name as officials read it ({@code DOSSIER_STALE} → "Hồ sơ trên Cổng chưa cập nhật"). */
    static String label(String kind, String code) {
        if (code == null) {
            return "";
        }
        String key = kind + "." + code;
        return TEXTS.containsKey(key) ? TEXTS.getString(key) : code;
    }

    void write(OutputStream out, List<Total> byUnitAndCategory, Rows details, Rows resolved) throws IOException {
        Workbook wb = new Workbook(out, "dvc-sync-gateway", "1.0");
        summary(wb.newWorksheet(SUMMARY), byUnitAndCategory);
        try {
            rows(wb, DETAILS, details);
            rows(wb, RESOLVED, resolved);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        wb.finish();
    }

    private static void summary(Worksheet ws, List<Total> totals) throws IOException {
        header(ws, SUMMARY_COLUMNS, SUMMARY_WIDTHS);
        int r = 1;
        long[] sums = new long[4];
        double impact = 0;
        for (Total t : totals) {
            ws.inlineString(r, 0, t.unitCode());
            ws.inlineString(r, 1, t.unitName());
            ws.inlineString(r, 2, label("category", t.category()));
            long[] counts = {t.count(), t.newCount(), t.persisting(), t.resolved()};
            for (int i = 0; i < counts.length; i++) {
                ws.value(r, 3 + i, counts[i]);
                sums[i] += counts[i];
            }
            points(ws, r, 7, t.impactPoints());
            impact += t.impactPoints();
            r++;
        }
        ws.setAutoFilter(0, 0, Math.max(0, r - 1), SUMMARY_COLUMNS.size() - 1);
        ws.inlineString(r, 0, TOTAL);
        ws.style(r, 0).bold().set();
        for (int i = 0; i < sums.length; i++) {
            ws.value(r, 3 + i, sums[i]);
        }
        points(ws, r, 7, impact);
        ws.style(r, 7).bold().format(POINTS_FORMAT).set();
        ws.finish();
    }

    /** Rows on sheets named {@code name}, {@code name 2}, … of at most {@link #rowsPerSheet} rows each. */
    private void rows(Workbook wb, String name, Rows rows) throws IOException {
        Worksheet[] ws = {newSheet(wb, name, 1)};
        int[] sheet = {1};
        int[] r = {0};
        rows.forEach(row -> {
            try {
                if (r[0] == rowsPerSheet) {
                    finish(ws[0], r[0]);
                    ws[0] = newSheet(wb, name, ++sheet[0]);
                    r[0] = 0;
                }
                r[0]++;
                List<String> cells = CsvReport.cells(row);
                for (int c = 0; c < cells.size(); c++) {
                    if (c == IMPACT) {
                        points(ws[0], r[0], c, row.impactPoints());
                    } else if (c == DETECTED && row.detectedAt() != null) {
                        ws[0].value(
                                r[0],
                                c,
                                row.detectedAt()
                                        .atZoneSameInstant(Vietnam.ZONE)
                                        .toLocalDateTime()
                                        .truncatedTo(ChronoUnit.SECONDS));
                        ws[0].style(r[0], c).format(DATE_FORMAT).set();
                    } else if (c == CATEGORY) {
                        ws[0].inlineString(r[0], c, label("category", row.category()));
                    } else {
                        ws[0].inlineString(r[0], c, cells.get(c));
                    }
                }
                ws[0].inlineString(r[0], cells.size(), label("change", row.change()));
                if (r[0] % FLUSH_EVERY == 0) {
                    ws[0].flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        finish(ws[0], r[0]);
    }

    private static void finish(Worksheet ws, int lastRow) throws IOException {
        ws.setAutoFilter(0, 0, lastRow, DETAIL_COLUMNS.size() - 1);
        ws.finish();
    }

    private static void points(Worksheet ws, int r, int c, double points) {
        ws.value(r, c, points);
        ws.style(r, c).format(POINTS_FORMAT).set();
    }

    private static Worksheet newSheet(Workbook wb, String name, int n) {
        Worksheet ws = wb.newWorksheet(n == 1 ? name : name + " " + n);
        header(ws, DETAIL_COLUMNS, DETAIL_WIDTHS);
        return ws;
    }

    private static void header(Worksheet ws, List<String> columns, double[] widths) {
        for (int c = 0; c < columns.size(); c++) {
            ws.inlineString(0, c, columns.get(c));
            ws.style(0, c).bold().wrapText(true).set();
            ws.width(c, widths[c]);
        }
        ws.freezePane(0, 1);
    }

    private static List<String> texts(List<String> keys) {
        return keys.stream().map(TEXTS::getString).toList();
    }
}

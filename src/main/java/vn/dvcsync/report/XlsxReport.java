package vn.dvcsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code mismatches.xlsx}, streamed with fastexcel (strings inline, rows flushed as they go: memory does not
 * grow with the rows): "Tổng hợp" (per unit and category: rows, new, persisting, resolved, impact, largest
 * impact first, then a total line), "Chi tiết" (the CSV columns and the row's change, NEW or PERSISTING; past a sheet's last row it goes on in
 * "Chi tiết 2", …) and "Đã khắc phục" (the previous run's rows resolved since, likewise).
 *
 * <p>Every text goes in as an inline string cell: a spreadsheet shows it as text, even one starting with {@code =}
 * (a city's summary {@code =HYPERLINK(…)}), and never runs it; only counts and points are number cells. No cell is a
 * formula.
 */
final class XlsxReport {

    static final String SUMMARY = "Tổng hợp";
    static final String DETAILS = "Chi tiết";
    /** The CSV's eleven columns, then whether the row is NEW or PERSISTING (RESOLVED on "Đã khắc phục"). */
    static final List<String> DETAIL_COLUMNS =
            Stream.concat(CsvReport.COLUMNS.stream(), Stream.of("change")).toList();

    static final String RESOLVED = "Đã khắc phục";
    static final String TOTAL = "Tổng cộng";
    static final List<String> SUMMARY_COLUMNS =
            List.of("unit_code", "unit_name", "category", "count", "new", "persisting", "resolved", "impact_points");
    /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
    static final int MAX_ROWS = 1_048_575;

    private static final int IMPACT = CsvReport.COLUMNS.indexOf("impact_points");
    private static final int FLUSH_EVERY = 1_000;

    private final int rowsPerSheet;

    XlsxReport() {
        this(MAX_ROWS);
    }

    XlsxReport(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
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
        header(ws, SUMMARY_COLUMNS);
        int r = 1;
        long[] sums = new long[4];
        double impact = 0;
        for (Total t : totals) {
            ws.inlineString(r, 0, t.unitCode());
            ws.inlineString(r, 1, t.unitName());
            ws.inlineString(r, 2, t.category());
            long[] counts = {t.count(), t.newCount(), t.persisting(), t.resolved()};
            for (int i = 0; i < counts.length; i++) {
                ws.value(r, 3 + i, counts[i]);
                sums[i] += counts[i];
            }
            ws.value(r, 7, t.impactPoints());
            impact += t.impactPoints();
            r++;
        }
        ws.inlineString(r, 0, TOTAL);
        ws.style(r, 0).bold().set();
        for (int i = 0; i < sums.length; i++) {
            ws.value(r, 3 + i, sums[i]);
        }
        ws.value(r, 7, impact);
        ws.width(1, 40);
        ws.width(2, 28);
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
                    ws[0].finish();
                    ws[0] = newSheet(wb, name, ++sheet[0]);
                    r[0] = 0;
                }
                r[0]++;
                List<String> cells = CsvReport.cells(row);
                for (int c = 0; c < cells.size(); c++) {
                    if (c == IMPACT) {
                        ws[0].value(r[0], c, row.impactPoints());
                    } else {
                        ws[0].inlineString(r[0], c, cells.get(c));
                    }
                }
                ws[0].inlineString(r[0], cells.size(), row.change());
                if (r[0] % FLUSH_EVERY == 0) {
                    ws[0].flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ws[0].finish();
    }

    private static Worksheet newSheet(Workbook wb, String name, int n) {
        Worksheet ws = wb.newWorksheet(n == 1 ? name : name + " " + n);
        header(ws, DETAIL_COLUMNS);
        return ws;
    }

    private static void header(Worksheet ws, List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            ws.inlineString(0, c, columns.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
    }
}

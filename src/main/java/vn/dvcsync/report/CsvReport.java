package vn.dvcsync.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.dvcsync.kernel.Vietnam;

/**
 * {@code mismatches.csv}: UTF-8 with a byte-order mark, the header of gateway.md, RFC 4180 (CRLF line ends;
 * a field with a comma, quote or line break in double quotes, quotes doubled).
 */
final class CsvReport {

    static final List<String> COLUMNS = List.of(
            "run_id",
            "category",
            "record_type",
            "record_key",
            "unit_code",
            "unit_name",
            "field",
            "city_value",
            "portal_value",
            "impact_points",
            "detected_at");

    private CsvReport() {}

    static void write(OutputStream out, Rows rows) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        line(w, COLUMNS);
        try {
            rows.forEach(r -> {
                try {
                    line(w, cells(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    /** A row's values in {@link #COLUMNS} order, as the CSV shows them (the XLSX too, but for the impact). */
    static List<String> cells(MismatchRow r) {
        return List.of(
                r.runId(),
                r.category(),
                r.recordType(),
                r.recordKey(),
                nonNull(r.unitCode()),
                nonNull(r.unitName()),
                nonNull(r.field()),
                nonNull(r.cityValue()),
                nonNull(r.portalValue()),
                points(r.impactPoints()),
                r.detectedAt() == null
                        ? ""
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.detectedAt()
                                .atZoneSameInstant(Vietnam.ZONE)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toOffsetDateTime()));
    }

    /** Points with up to 12 decimals and no trailing zeros: {@code 0.0003}, {@code 0}. */
    static String points(double p) {
        return BigDecimal.valueOf(p)
                .setScale(12, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write("\r\n");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

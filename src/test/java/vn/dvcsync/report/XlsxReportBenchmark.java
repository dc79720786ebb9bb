package vn.dvcsync.report;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A benchmark, not a test: writes an XLSX of N made-up rows (default 1,000,000; past 1,048,575 they go on a
 * second details sheet) and prints the time and the heap's peak. Run it with a small heap to show the
 * writer streams, e.g. after {@code ./mvnw -q -o test-compile}:
 * <pre>
 * java -Xmx128m -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.dvcsync.report.XlsxReportBenchmark 1000000
 * </pre>
 * ({@code target/cp.txt} from {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class XlsxReportBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("mismatches", ".xlsx");
        OffsetDateTime at = OffsetDateTime.of(2025, 3, 2, 1, 30, 5, 0, ZoneOffset.ofHours(7));
        Rows rows = each -> {
            for (int i = 0; i < n; i++) {
                each.accept(new MismatchRow(
                        "20250302-013000-a1b2",
                        "DOSSIER_FIELD_MISMATCH",
                        "DOSSIER",
                        String.format("H26.%02d-250101-%07d", i % 30, i),
                        "000.%02d.30.H26".formatted(i % 30),
                        "Sở Tư pháp",
                        "TrichYeuHoSo",
                        "Cấp phiếu lý lịch tư pháp số " + i,
                        "Cấp phiếu lý lịch tư pháp",
                        0.000006,
                        at,
                        "NEW"));
            }
        };
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            new XlsxReport()
                    .write(
                            out,
                            List.of(new Total(
                                    "000.01.30.H26", "Sở Tư pháp", "DOSSIER_FIELD_MISMATCH", n, n, 0, 0, n * 0.000006)),
                            rows,
                            each -> {});
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u.getUsed())
                .sum();
        System.out.printf(
                "xlsx rows=%d seconds=%.1f mb=%d heap_peak_mb=%d max_heap_mb=%d%n",
                n,
                seconds,
                Files.size(file) >> 20,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(file);
    }
}

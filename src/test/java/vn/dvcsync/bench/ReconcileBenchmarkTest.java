package vn.dvcsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation benchmark at CI size (20,000 dossiers): it runs end to end and prints its one line with sane
 * values. Timing goals are the full-size benchmark's business (README, "Benchmarks"), not this test's.
 */
class ReconcileBenchmarkTest {

    private static final Pattern LINE = Pattern.compile("reconcile dossiers=(\\d+) seconds=([0-9.]+) per_second=(\\d+)"
            + " heap_peak_mb=(\\d+) baseline_sql_seconds=([0-9.]+) ratio=([0-9.]+)");

    @Test
    void printsTheBenchmarkLineWithSaneValues() throws Exception {
        ReconcileBenchmark.Result result = ReconcileBenchmark.run(20_000, 0.02, Path.of("target", "bench-ci"));

        String line = result.line();
        Matcher m = LINE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(20_000);
        assertThat(Double.parseDouble(m.group(2))).isPositive();
        assertThat(Long.parseLong(m.group(3))).isPositive();
        assertThat(Long.parseLong(m.group(4))).isPositive();
        assertThat(Double.parseDouble(m.group(5))).isPositive();
        assertThat(result.mismatches())
                .as("the planted differences are reported")
                .isPositive();
    }
}

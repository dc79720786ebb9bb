package vn.dvcsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: SIGTERM (what Ctrl-C, a systemd stop and a Kubernetes roll send) to the packaged jar in the middle of a
 * run. The run stops at its next step and is recorded as stopped by the shutdown (not left {@code RUNNING}), the
 * embedded PostgreSQL stops last, and the process ends within 30 seconds. Runs after {@code package} (failsafe).
 */
class SigtermMidRunIT {

    @Test
    void aRunStopsAndTheProcessEndsWithinThirtySeconds(@TempDir Path folder) throws Exception {
        Path jar = Path.of("target/dvc-sync-gateway.jar").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path logFile = folder.resolve("gateway.log");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=0",
                        // a run long enough to be stopped in its push: 20,000 dossiers at the portal's rate
                        "--dvcsync.demo.dossiers=20000"))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!Files.readString(logFile).contains("extraction done") && System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as("alive; log:%n%s", tail(logFile)).isTrue();
                Thread.sleep(200);
            }
            assertThat(Files.readString(logFile))
                    .as("the scheduled run reached its push")
                    .contains("extraction done");

            long signalled = System.nanoTime();
            p.destroy(); // SIGTERM
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);
            System.out.printf("sigterm mid-run: process ended in %.1f s%n", took.toMillis() / 1000.0);
            assertThat(ended).as("ended; log:%n%s", tail(logFile)).isTrue();
            assertThat(took).as("ended within 30 s; log:%n%s", tail(logFile)).isLessThan(Duration.ofSeconds(30));

            String log = Files.readString(logFile);
            assertThat(log)
                    .contains("(incremental) FAILED")
                    .contains(
                            "stopped: the gateway was shut down during the run; what it did not deliver stays pending")
                    .doesNotContain("Connection refused", "did not stop within");
            // the database stopped after everything that used it, and cleanly (no lock file left)
            assertThat(log.lastIndexOf("server stopped")).isGreaterThan(log.lastIndexOf("Shutdown completed"));
            assertThat(folder.resolve("data/postgres/postmaster.pid")).doesNotExist();
            try (Stream<Path> runs = Files.list(folder.resolve("reports"))) {
                Path run = runs.findFirst().orElseThrow();
                JsonNode summary =
                        new ObjectMapper().readTree(run.resolve("summary.json").toFile());
                assertThat(summary.path("status").asText()).isEqualTo("FAILED");
                assertThat(summary.path("error").asText()).startsWith("stopped: the gateway was shut down");
                assertThat(summary.at("/counts/ledger.dossier.pending").asLong())
                        .as("what was not delivered stays pending")
                        .isPositive();
            }
        } finally {
            p.destroyForcibly();
        }
    }

    private static String tail(Path logFile) throws Exception {
        String log = Files.readString(logFile);
        return log.substring(Math.max(0, log.length() - 4000));
    }
}

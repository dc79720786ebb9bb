package vn.dvcsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: the packaged jar started from an empty folder (no {@code routes/}, no {@code mappings/} beside it)
 * runs an incremental run to the end on its embedded defaults and writes the run's {@code summary.json}.
 * Runs after {@code package} (failsafe), on {@code target/dvc-sync-gateway.jar}.
 */
class JarFromAnEmptyFolderIT {

    @Test
    void theJarRunsFromAnEmptyFolder(@TempDir Path empty) throws Exception {
        Path jar = Path.of("target/dvc-sync-gateway.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--dvcsync.run-once=incremental",
                        "--dvcsync.demo.dossiers=200"))
                .directory(empty.toFile())
                .redirectErrorStream(true)
                .redirectOutput(empty.resolve("gateway.log").toFile())
                .start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(empty.resolve("gateway.log"));
        assertThat(ended).as("ended within 5 minutes; log:%n%s", tail(log)).isTrue();
        assertThat(p.exitValue()).as("exit code; log:%n%s", tail(log)).isZero();
        assertThat(log).contains("(incremental) SUCCEEDED");
        try (Stream<Path> runs = Files.list(empty.resolve("reports"))) {
            Path run = runs.findFirst().orElseThrow();
            JsonNode summary =
                    new ObjectMapper().readTree(run.resolve("summary.json").toFile());
            assertThat(summary.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(summary.at("/counts/run.dossier.delivered").asLong()).isPositive();
        }
        assertThat(empty.resolve("mappings"))
                .as("nothing copied beside the jar")
                .doesNotExist();
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 4000)).replace(File.separator + File.separator, "/");
    }
}

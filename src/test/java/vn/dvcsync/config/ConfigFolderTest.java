package vn.dvcsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue #11 item 5: the jar carries the default routes and mappings; a folder on disk overrides them file by file.
 */
class ConfigFolderTest {

    @Test
    void anEmptyFolderGetsEveryDefaultFile(@TempDir Path empty, @TempDir Path target) throws IOException {
        ConfigFolder.merge(empty, target);

        assertThat(names(target.resolve("mappings"))).containsExactlyInAnyOrderElementsOf(names(Path.of("mappings")));
        assertThat(names(target.resolve("routes"))).containsExactlyInAnyOrderElementsOf(names(Path.of("routes")));
        assertThat(target.resolve("mappings/sql/dossiers.sql"))
                .hasSameTextualContentAs(Path.of("mappings/sql/dossiers.sql"));
    }

    @Test
    void aCitysFileOverridesItsDefaultAndTheRestStay(@TempDir Path city, @TempDir Path target) throws IOException {
        Files.createDirectories(city.resolve("mappings"));
        Files.writeString(city.resolve("mappings/text-policy.yaml"), "# the city's own\n", StandardCharsets.UTF_8);

        ConfigFolder.merge(city, target);

        assertThat(target.resolve("mappings/text-policy.yaml")).hasContent("# the city's own");
        assertThat(target.resolve("mappings/index-model.yaml"))
                .hasSameTextualContentAs(Path.of("mappings/index-model.yaml"));
        assertThat(target.resolve("routes/push.camel.yaml")).exists();
    }

    @Test
    void theGatewayIsPointedAtTheLaidOutFolderUnlessTheWorkingDirectoryHoldsThem(@TempDir Path city) {
        MockEnvironment env = new MockEnvironment().withProperty("dvcsync.config-dir", city.toString());
        new ConfigFolder().postProcessEnvironment(env, new SpringApplication());

        Path mappings = Path.of(env.getProperty("dvcsync.mappings.dir"));
        assertThat(mappings.resolve("index-model.yaml")).exists();
        assertThat(env.getProperty("camel.main.routes-include-pattern"))
                .startsWith("file:")
                .endsWith("/routes/*.camel.yaml");

        MockEnvironment repository = new MockEnvironment();
        new ConfigFolder().postProcessEnvironment(repository, new SpringApplication());
        assertThat(repository.getProperty("dvcsync.mappings.dir"))
                .as("the repository's own folders")
                .isNull();
    }

    private static Stream<String> namesOf(Path dir) throws IOException {
        return Files.walk(dir)
                .filter(Files::isRegularFile)
                .map(p -> dir.relativize(p).toString());
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<String> s = namesOf(dir)) {
            return s.toList();
        }
    }
}

package vn.dvcsync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the routes and mappings come from, so that the jar runs from any folder. The jar carries the default
 * {@code routes/} and {@code mappings/} (under {@code defaults/}); a folder on disk, {@code dvcsync.config-dir}
 * (by default the working directory), overrides them file by file, so a city edits a mapping without rebuilding.
 *
 * <p>When the working directory holds both folders and no {@code dvcsync.config-dir} is set (the repository, a
 * city's installation folder), they are used as they are. Otherwise the defaults and the folder's files are laid
 * into one folder under the system's temporary directory, and {@code dvcsync.mappings.dir} and Camel's
 * {@code camel.main.routes-include-pattern} point there (unless set explicitly).
 */
class ConfigFolder implements EnvironmentPostProcessor {

    static final String DEFAULTS = "defaults/";
    static final List<String> FOLDERS = List.of("routes", "mappings");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String configured = env.getProperty("dvcsync.config-dir");
        Path dir = Path.of(configured == null || configured.isBlank() ? "." : configured.strip());
        if ((configured == null || configured.isBlank())
                && FOLDERS.stream().allMatch(f -> Files.isDirectory(dir.resolve(f)))) {
            return; // the working directory holds them: used as they are
        }
        if (!defaultsPresent()) {
            return; // not run from the packaged jar or its classes: nothing to lay out
        }
        Path merged;
        try {
            merged = Files.createTempDirectory("dvcsync-config-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the routes and mappings", e);
        }
        merge(dir, merged);
        merged.toFile().deleteOnExit();
        Map<String, Object> props = new HashMap<>();
        if (!env.containsProperty("dvcsync.mappings.dir")) {
            props.put("dvcsync.mappings.dir", merged.resolve("mappings").toString());
        }
        props.put(
                "camel.main.routes-include-pattern",
                "file:" + merged.resolve("routes").toAbsolutePath() + "/*.camel.yaml");
        env.getPropertySources().addFirst(new MapPropertySource("dvcsync-config-folder", props));
    }

    private static boolean defaultsPresent() {
        return ConfigFolder.class.getClassLoader().getResource(DEFAULTS + "mappings/index-model.yaml") != null;
    }

    /** Lays the jar's default routes and mappings into {@code target}, then {@code dir}'s own files over them. */
    static void merge(Path dir, Path target) {
        try {
            for (String folder : FOLDERS) {
                for (Resource r : new PathMatchingResourcePatternResolver(ConfigFolder.class.getClassLoader())
                        .getResources("classpath*:" + DEFAULTS + folder + "/**")) {
                    if (!r.isReadable()) {
                        continue; // a folder entry
                    }
                    String url = r.getURL().toString();
                    String relative = url.substring(url.lastIndexOf(DEFAULTS) + DEFAULTS.length());
                    Path out = target.resolve(relative);
                    Files.createDirectories(out.getParent());
                    try (InputStream in = r.getInputStream()) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Path own = dir.resolve(folder);
                if (Files.isDirectory(own)) {
                    try (Stream<Path> files = Files.walk(own)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            Path out = target.resolve(folder)
                                    .resolve(own.relativize(f).toString());
                            Files.createDirectories(out.getParent());
                            Files.copy(f, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the routes and mappings from " + dir.toAbsolutePath(), e);
        }
    }
}

package vn.dvcsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * The defaults the hand-written configuration metadata ({@code additional-spring-configuration-metadata.json}) tells an
 * IDE and the README, for tests that hold them against the code's own.
 */
public final class MetadataDefaults {

    static final Path ADDITIONAL = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

    private MetadataDefaults() {}

    /** The default of {@code property} in the additional metadata; fails when it gives none. */
    public static String of(String property) {
        try {
            for (JsonNode p : new ObjectMapper().readTree(ADDITIONAL.toFile()).path("properties")) {
                if (p.path("name").asText().equals(property) && p.has("defaultValue")) {
                    return p.get("defaultValue").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no default for " + property + " in " + ADDITIONAL);
    }

    public static Duration duration(String property) {
        return DurationStyle.detectAndParse(of(property));
    }

    public static int integer(String property) {
        return Integer.parseInt(of(property));
    }
}

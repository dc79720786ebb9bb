package vn.dvcsync.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.dvcsync.kernel.MappingsProperties;

/** The reconciliation's queries of the city, under {@code mappings/sql/} (a city adapts them to its schema). */
public final class Sql {

    private Sql() {
    }

    public static String read(MappingsProperties mappings, String name) {
        Path file = mappings.dir().resolve("sql").resolve(name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reconciliation SQL " + file.toAbsolutePath(), e);
        }
    }
}

package vn.dvcsync.kernel;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the city-specific mappings live ({@code dvcsync.mappings.dir}): extraction SQL, field maps,
 * code tables and the index model.
 *
 * @param dir the folder of the city-specific mappings (extraction SQL, field maps, code tables, index model); unset:
 *            the mappings/ of dvcsync.config-dir, each file missing there taken from the jar
 */
@ConfigurationProperties("dvcsync.mappings")
public record MappingsProperties(@DefaultValue("mappings") Path dir) {}

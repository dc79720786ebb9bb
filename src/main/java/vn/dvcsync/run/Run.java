package vn.dvcsync.run;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A run as the store keeps it and the API shows it.
 *
 * @param instance the gateway instance that executes (or executed) it
 */
public record Run(
        String id,
        String type,
        String status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Map<String, Object> counts,
        String error,
        String instance) {}

package vn.dvcsync.report;

import java.time.OffsetDateTime;

/**
 * A mismatch as the store keeps it and reports show it (the report columns of gateway.md, plus the change
 * against the previous run: {@code NEW}, {@code PERSISTING}, or {@code RESOLVED} for a row of the previous
 * run that is gone). ID numbers are masked but the last 4 digits.
 */
public record MismatchRow(
        String runId,
        String category,
        String recordType,
        String recordKey,
        String unitCode,
        String unitName,
        String field,
        String cityValue,
        String portalValue,
        double impactPoints,
        OffsetDateTime detectedAt,
        String change) {}

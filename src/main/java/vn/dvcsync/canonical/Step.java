package vn.dvcsync.canonical;

import java.time.OffsetDateTime;

/** Canonical processing step (tiến độ) of a dossier. */
public record Step(
        long id,
        long dossierId,
        String dossierCode,
        OffsetDateTime at,
        String handler,
        String title,
        String department,
        String content,
        String status,
        OffsetDateTime deadline) {}

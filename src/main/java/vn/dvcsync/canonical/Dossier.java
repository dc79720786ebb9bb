package vn.dvcsync.canonical;

import java.time.OffsetDateTime;

/**
 * Canonical dossier (hồ sơ): the one shape inside the gateway. City-specific shape stops at the
 * extraction SQL under {@code mappings/}, which aliases the city's columns to these names.
 * Fields are nullable so that malformed rows reach validation instead of failing extraction.
 *
 * @param status   the city's own status vocabulary (translated by the code tables)
 * @param channel  1 counter, 2 online, 3 post
 * @param updatedAt the city's last change ({@code cap_nhat_luc}); its epoch microseconds are the record version
 */
public record Dossier(
        long id,
        String code,
        String procedureCode,
        String procedureName,
        String fieldCode,
        String fieldName,
        String unitCode,
        String unitName,
        Applicant applicant,
        String summary,
        Integer channel,
        String status,
        OffsetDateTime submittedAt,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        boolean paidOnline,
        boolean digitised,
        boolean vneidVerified,
        OffsetDateTime updatedAt) {

    /** The key the gateway files this dossier under: its MaHoSo, or its city id when the row has none. */
    public String recordKey() {
        return recordKey(code, id);
    }

    /** As {@link #recordKey()}, for a dossier known only by its code and city id. */
    public static String recordKey(String code, long id) {
        return code != null ? code : "#city-id-" + id;
    }

    /** The city version of this record: {@code cap_nhat_luc} in epoch microseconds. */
    public long version() {
        return version(updatedAt);
    }

    /** A {@code cap_nhat_luc} as a record version: epoch microseconds (0 for none). */
    public static long version(OffsetDateTime updatedAt) {
        return updatedAt == null ? 0L : updatedAt.toEpochSecond() * 1_000_000L + updatedAt.getNano() / 1_000L;
    }
}

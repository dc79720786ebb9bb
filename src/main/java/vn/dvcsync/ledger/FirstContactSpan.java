package vn.dvcsync.ledger;

/**
 * The dossiers waiting for their first contact with the portal ({@link Ledger#firstContactSpan}).
 *
 * @param dossiers     how many (those with a well-formed {@code NgayTiepNhan})
 * @param firstKey     the smallest {@code MaHoSo} in byte order; null when none
 * @param lastKey      the largest {@code MaHoSo} in byte order
 * @param receivedFrom the earliest {@code NgayTiepNhan} ({@code yyyyMMddHHmmss})
 * @param receivedTo   the latest {@code NgayTiepNhan}
 */
public record FirstContactSpan(
        long dossiers, String firstKey, String lastKey, String receivedFrom, String receivedTo) {}

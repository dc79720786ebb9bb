package vn.dvcsync.mapping;

/**
 * One broken portal rule.
 *
 * @param field   the portal field concerned, e.g. {@code TrangThaiHoSo}
 * @param rule    a short stable id: {@code required}, {@code format}, {@code max-length}, {@code order},
 *                {@code code}, {@code prefix}, {@code control-chars}, {@code status-dates}, and the text policy's
 *                {@code TEXT_NOT_NFC}, {@code TEXT_SQL_LIKE}
 * @param message human-readable explanation naming the field (never an unmasked personal value)
 */
public record Violation(String field, String rule, String message) {}

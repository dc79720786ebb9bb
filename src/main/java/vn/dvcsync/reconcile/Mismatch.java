package vn.dvcsync.reconcile;

/**
 * One difference between the city and the national systems: one report row per
 * (record, category, field), as gateway.md's mismatch report lists them.
 *
 * @param category    a category of gateway.md, e.g. {@code DOSSIER_STATUS_MISMATCH}
 * @param recordType  {@code DOSSIER}, {@code PROCEDURE} or {@code APPLICANT}
 * @param recordKey   MaHoSo, MaTTHC, or the MaHoSo of the dossier whose applicant is wrong
 * @param unitCode    the unit that owns the record (agency code); the province's for procedures
 * @param field       the portal field concerned (for DOSSIER_INVALID: the rule's field); empty when none
 * @param cityValue   the city's value as the portal would show it (ID numbers masked but the last 4 digits)
 * @param portalValue the portal's (or population database's) value, masked likewise
 */
public record Mismatch(
        String category,
        String recordType,
        String recordKey,
        String unitCode,
        String unitName,
        String field,
        String cityValue,
        String portalValue) {}

package vn.dvcsync.applicant;

/**
 * One difference between the city's applicant and the population database (one report row).
 *
 * @param category    {@code APPLICANT_NOT_FOUND} or {@code APPLICANT_DATA_MISMATCH}
 * @param field       {@code SoDinhDanh}, {@code HoTen}, {@code NgaySinh} or {@code GioiTinh}
 * @param cityValue   the city's value (ID numbers masked to their last 4 digits)
 * @param portalValue the population database's value; for a contradiction of the ID number itself,
 *                    what the ID number implies (null for {@code SoDinhDanh})
 */
record ApplicantFinding(String category, String field, String cityValue, String portalValue) {}

package vn.dvcsync.population;

/**
 * A person as the population database holds them.
 *
 * @param fullName {@code Ho}, {@code ChuDem} and {@code Ten} joined by single spaces
 * @param birth    {@code yyyyMMdd}, or only {@code yyyy} for old records
 * @param sex      1 male, 2 female; null when absent
 */
public record PopulationRecord(String idNumber, String fullName, String birth, Integer sex) {

    /** Masked: a record must not leak personal data into a log line. */
    @Override
    public String toString() {
        return "PopulationRecord[idNumber=" + IdNumbers.mask(idNumber) + ", fullName=…, birth=…, sex=" + sex + "]";
    }
}

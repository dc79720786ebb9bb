package vn.dvcsync.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvcsync.population.IdNumbers;
import vn.dvcsync.reconcile.Mismatch;

/** Personal data in report rows: ID numbers in an applicant's row or an ID-number field are stored masked. */
final class Masking {

    /** Old 9-digit ID card or 12-digit personal ID number, standing alone. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])");

    private Masking() {}

    /** Whether the row's values may hold personal data. */
    static boolean personal(Mismatch m) {
        return "APPLICANT".equals(m.recordType())
                || (m.field() != null && m.field().contains("DinhDanh"));
    }

    /** {@code value} with every ID number masked when {@code personal}. */
    static String masked(boolean personal, String value) {
        if (!personal || value == null) {
            return value;
        }
        Matcher m = ID_NUMBER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumbers.mask(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}

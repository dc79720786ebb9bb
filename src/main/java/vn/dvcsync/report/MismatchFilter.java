package vn.dvcsync.report;

/**
 * What the console's mismatch table and its exports show of a run: each part given narrows the rows (a blank one
 * does not). {@code change} is {@code NEW} or {@code PERSISTING}; rows resolved since the previous run have none and
 * are filtered by unit, category and field only.
 */
public record MismatchFilter(String unit, String category, String field, String change) {

    public static final MismatchFilter NONE = new MismatchFilter(null, null, null, null);

    public MismatchFilter {
        unit = blankToNull(unit);
        category = blankToNull(category);
        field = blankToNull(field);
        change = blankToNull(change);
        if (change != null && !"NEW".equals(change) && !"PERSISTING".equals(change)) {
            throw new IllegalArgumentException("change must be NEW or PERSISTING, not '" + change + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

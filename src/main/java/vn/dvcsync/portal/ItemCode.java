package vn.dvcsync.portal;

/**
 * What became of one dossier or progress step of a push: the portal's item {@code error_code}s of
 * {@code portal-api.md}, named, and {@link #UNCONFIRMED}, which is no portal code.
 */
public enum ItemCode {
    /** {@code 0}: processed. */
    PROCESSED("0"),
    /** {@code 2}: invalid data; the message names the field. */
    INVALID_DATA("2"),
    /** {@code 3}: a create for a dossier the portal already holds. */
    ALREADY_EXISTS("3"),
    /** {@code 4}: an update (or a look-up) of a dossier the portal does not hold. */
    NOT_FOUND("4"),
    /**
     * No portal code: a progress step sent without an answer and, with {@link UnansweredSteps#FAIL}, not sent again.
     * The portal may or may not hold it.
     */
    UNCONFIRMED("UNCONFIRMED"),
    /** Any other code (a code this gateway does not know). */
    OTHER(null);

    private final String code;

    ItemCode(String code) {
        this.code = code;
    }

    /** The code as the portal writes it ({@code "0"}, {@code "2"}, …); for {@link #UNCONFIRMED} its name. */
    public String code() {
        return code;
    }

    /** The named code of {@code code}; {@link #OTHER} for an unknown one. */
    public static ItemCode of(String code) {
        for (ItemCode c : values()) {
            if (c.code != null && c.code.equals(code)) {
                return c;
            }
        }
        return OTHER;
    }
}

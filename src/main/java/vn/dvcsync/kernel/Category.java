package vn.dvcsync.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * The mismatch categories of gateway.md, in its order (the order reports list them in). A report row, a ledger
 * quarantine reason ({@link #DOSSIER_INVALID}, {@link #PROCEDURE_UNKNOWN}) and the index model's {@code fixed_by}
 * name them by {@link #name()}.
 */
public enum Category {
    DOSSIER_MISSING_ON_PORTAL,
    DOSSIER_ORPHAN_ON_PORTAL,
    DOSSIER_STATUS_MISMATCH,
    DOSSIER_STALE,
    DOSSIER_FIELD_MISMATCH,
    DOSSIER_INVALID,
    PROCEDURE_NOT_PUBLIC,
    PROCEDURE_PUBLIC_LATE,
    PROCEDURE_UNKNOWN,
    APPLICANT_NOT_FOUND,
    APPLICANT_DATA_MISMATCH;

    private static final List<String> NAMES =
            Arrays.stream(values()).map(Enum::name).toList();

    /** Every category's name, in gateway.md's order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether {@code name} is a category's name. */
    public static boolean known(String name) {
        return NAMES.contains(name);
    }
}

package vn.dvcsync.kernel;

import java.util.List;

/** The mismatch categories of gateway.md, in its order (the order reports list them in). */
public final class Category {

    public static final List<String> ALL = List.of(
            "DOSSIER_MISSING_ON_PORTAL",
            "DOSSIER_ORPHAN_ON_PORTAL",
            "DOSSIER_STATUS_MISMATCH",
            "DOSSIER_STALE",
            "DOSSIER_FIELD_MISMATCH",
            "DOSSIER_INVALID",
            "PROCEDURE_NOT_PUBLIC",
            "PROCEDURE_PUBLIC_LATE",
            "PROCEDURE_UNKNOWN",
            "APPLICANT_NOT_FOUND",
            "APPLICANT_DATA_MISMATCH");

    private Category() {
    }
}

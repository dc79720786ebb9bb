package vn.dvcsync.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the reconciliation concluded for one city dossier of the period, beside the report rows it wrote: whether
 * the portal holds it as the city does. The nightly run heals and adopts by it; it is the one comparison, so "equal"
 * means equal on every field the reconciliation compares (its report has no row for the dossier).
 *
 * @param key           the dossier's MaHoSo (its ledger key)
 * @param version       the city version compared ({@code cap_nhat_luc} in epoch µs)
 * @param unitCode      the city's unit of the dossier
 * @param portalForm    the city dossier in the portal's form, as a push would send it
 * @param kind          the verdict
 * @param portalUpdated the portal copy's {@code NgayCapNhat} ({@code yyyyMMddHHmmss}, Vietnam time); null when the
 *                      portal has no copy or the copy has no such time
 */
public record DossierVerdict(
        String key, long version, String unitCode, ObjectNode portalForm, Kind kind, String portalUpdated) {

    /** The verdicts. */
    public enum Kind {
        /** The portal holds it equal on every compared field, and fresh. */
        EQUAL,
        /** The portal holds it, with another status, another compared field or stale. */
        DIFFERENT,
        /** The portal lacks it (and the portal's catalogue has its procedure). */
        MISSING,
        /** The portal lacks it and its procedure: the portal would refuse it ({@code PROCEDURE_UNKNOWN}). */
        PROCEDURE_UNKNOWN,
        /** It breaks the portal's rules: never sent ({@code DOSSIER_INVALID}). */
        INVALID
    }
}

package vn.dvcsync.reconcile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.dvcsync.kernel.Vietnam;

/**
 * The dossiers a reconciliation compares: those received {@code from <= ngay_tiep_nhan < to}. Both bounds are
 * whole seconds (the portal's resolution; a finer part is dropped), so that the city's query and the portal's
 * {@code DanhSachHoSo} select the same dossiers. {@code to} is also the "now" against which a dossier in
 * progress is judged due or not.
 */
public record ReconcilePeriod(OffsetDateTime from, OffsetDateTime to) {

    public ReconcilePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        from = from.truncatedTo(ChronoUnit.SECONDS);
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts after it ends: " + from + " > " + to);
        }
    }

    /** The {@code days} days (in Vietnam time) up to {@code now}. */
    public static ReconcilePeriod lastDays(int days, Instant now) {
        OffsetDateTime to = now.atZone(Vietnam.ZONE).toOffsetDateTime();
        return new ReconcilePeriod(to.minusDays(days), to);
    }

    /** {@code from} as the portal writes it: Vietnam time {@code yyyyMMddHHmmss}. */
    public String portalFrom() {
        return PortalForm.time(from);
    }

    /** {@code to} as the portal writes it. */
    public String portalTo() {
        return PortalForm.time(to);
    }
}

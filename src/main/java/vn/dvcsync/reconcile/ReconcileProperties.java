package vn.dvcsync.reconcile;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation ({@code dvcsync.reconcile.*}).
 *
 * @param days      the period compared, in days back from today: the dossiers received within it
 * @param freshness how far the portal copy may lag the city's last change before it is DOSSIER_STALE
 * @param pageSize  dossiers asked per DanhSachHoSo page (the portal allows at most 5000); two pages are in
 *                  memory at once, parsed: larger pages cost the collector more than their round trips save
 * @param fetchSize city rows fetched per round trip while streaming the period's dossiers
 * @param stepsOnFirstContact what becomes of the progress steps of a dossier the portal already held when the
 *                  gateway first met it (adopted or updated): after-portal-copy sends only the steps whose
 *                  ThoiDiemXuLy is after the portal copy's NgayCapNhat; all sends every one
 */
@ConfigurationProperties("dvcsync.reconcile")
public record ReconcileProperties(
        @DefaultValue("365") int days,
        @DefaultValue("PT24H") Duration freshness,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("2000") int fetchSize,
        @DefaultValue("after-portal-copy") StepsOnFirstContact stepsOnFirstContact) {

    /** The steps-on-first-contact policy ({@code dvcsync.reconcile.steps-on-first-contact}). */
    public enum StepsOnFirstContact {
        /** A step whose time is not after the portal copy's {@code NgayCapNhat} is taken as on the portal. */
        AFTER_PORTAL_COPY,
        /** Every step is sent (the portal may then show a step twice). */
        ALL
    }

    /** Whether the policy takes a step not after the portal copy's {@code NgayCapNhat} as on the portal. */
    public boolean stepsUpToPortalCopy() {
        return stepsOnFirstContact == StepsOnFirstContact.AFTER_PORTAL_COPY;
    }

    public ReconcileProperties {
        if (days < 1) {
            throw new IllegalArgumentException("dvcsync.reconcile.days must be at least 1: " + days);
        }
        if (freshness == null || freshness.isNegative()) {
            throw new IllegalArgumentException("dvcsync.reconcile.freshness must not be negative: " + freshness);
        }
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("dvcsync.reconcile.page-size must be within 1..5000: " + pageSize);
        }
        if (fetchSize < 1) {
            throw new IllegalArgumentException("dvcsync.reconcile.fetch-size must be at least 1: " + fetchSize);
        }
    }

    /** The period of a reconciliation starting now: the last {@link #days} days. */
    public ReconcilePeriod period(Clock clock) {
        return ReconcilePeriod.lastDays(days, clock.instant());
    }
}

package vn.dvcsync.reconcile;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation ({@code dvcsync.reconcile.*}).
 *
 * @param days      the period compared: dossiers received in the last {@code days} days
 * @param freshness how far the portal copy may lag the city's last change before it is {@code DOSSIER_STALE}
 * @param pageSize  dossiers asked per {@code DanhSachHoSo} page (the portal allows at most 5000); two pages are in
 *                  memory at once, parsed: larger pages cost the collector more than their round trips save
 * @param fetchSize city rows fetched per round trip while streaming the period's dossiers
 */
@ConfigurationProperties("dvcsync.reconcile")
public record ReconcileProperties(
        @DefaultValue("365") int days,
        @DefaultValue("PT24H") Duration freshness,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("2000") int fetchSize) {

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

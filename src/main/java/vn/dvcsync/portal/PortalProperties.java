package vn.dvcsync.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the national portal adapter ({@code dvcsync.portal.*}).
 *
 * @param url            adapter base URL; absent: the built-in simulator
 * @param username       adapter account; no default is committed (the simulator accepts what is configured)
 * @param madonvi        province agency code sent in every call
 * @param batchSize      dossiers or steps per {@code DongBoHoSoMC}/{@code CapNhatTienDoHoSoMC} call (portal max 50)
 * @param ratePerSecond  calls per second the gateway allows itself (the portal's limit)
 * @param timeout        time-out of one call
 * @param retry          back-off on 5xx, I/O errors, time-outs and code 9
 */
@ConfigurationProperties("dvcsync.portal")
public record PortalProperties(
        String url,
        String username,
        String password,
        @DefaultValue("000.00.00.H26") String madonvi,
        @DefaultValue("50") int batchSize,
        @DefaultValue("50") int ratePerSecond,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Retry retry) {

    /**
     * @param maxAttempts attempts of one call in all (first try included)
     * @param initialDelay first back-off
     * @param multiplier  growth of the back-off per attempt
     * @param maxDelay    cap of one back-off, and of an honoured {@code Retry-After}
     */
    public record Retry(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxDelay) {
    }
}

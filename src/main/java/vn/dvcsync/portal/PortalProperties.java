package vn.dvcsync.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the national portal adapter ({@code dvcsync.portal.*}), the delivery policy included. The province's
 * agency code {@code dvcsync.portal.madonvi} is the kernel's ({@link vn.dvcsync.kernel.ProvinceProperties}).
 *
 * <p>What happens per kind of failure, and which setting governs it:
 * <ul>
 * <li>HTTP 5xx, I/O errors, time-outs, {@code error_code 9}: the call is retried with exponential back-off
 *     and jitter ({@link Retry}); a time-out, a lost connection or a gateway's 502/504 may come after the
 *     portal processed the call, so dossiers are looked up before they are resent.</li>
 * <li>HTTP 429 and 503 with {@code Retry-After}: the call is retried after the time the portal asked for,
 *     capped at {@link Retry#maxDelay()}.</li>
 * <li>{@code error_code -1} (session refused): one new login per call, then the call is resent.</li>
 * <li>{@code error_code 1}, an unexpected status: a defect, not retried.</li>
 * <li>A call that still fails after {@link Retry#maxAttempts()}: its records stay PENDING and are tried again
 *     after {@code dvcsync.ledger.retry-delay}; after {@code dvcsync.ledger.max-attempts} failed pushes a
 *     record becomes a dead letter (FAILED) with its last error.</li>
 * <li>Sustained failure: the {@link CircuitBreaker} opens and the run stops pushing (the rest stays PENDING)
 *     until the portal answers again.</li>
 * <li>Progress steps sent without an answer (a time-out, a lost connection, HTTP 502/504, an instance stopped before
 *     it recorded the answer): the portal appends steps and has no service to list them, so nothing tells whether
 *     they arrived; {@link UnansweredSteps} decides.</li>
 * </ul>
 *
 * @param url            adapter base URL; absent: the built-in simulator
 * @param username       adapter account; no default is committed (the simulator accepts what is configured)
 * @param password       the adapter account's password; pass it as an environment variable, never committed
 * @param batchSize      dossiers or steps per DongBoHoSoMC/CapNhatTienDoHoSoMC call (portal max 50)
 * @param ratePerSecond  calls per second the gateway allows itself (the portal's limit), retries and logins included
 * @param concurrency    pushes in flight at once, all within rate-per-second
 * @param timeout        deadline of one call: connecting, sending, waiting and reading the whole reply (a reply
 *                       dripping in is cut off at it); retries not included
 * @param maxReplySize   largest reply accepted (counted after decompression); a larger one is an unavailable portal
 *                       for that attempt. Absent: dvcsync.reconcile.page-size × 16 KiB (the largest dossier the
 *                       portal's rules allow is about 12 KiB as JSON), at least 1 MiB
 * @param retry          back-off of one call
 * @param circuitBreaker when to stop pushing to a portal that keeps failing
 * @param unansweredSteps what becomes of progress steps whose sending got no answer
 */
@ConfigurationProperties("dvcsync.portal")
public record PortalProperties(
        String url,
        String username,
        String password,
        @DefaultValue("50") int batchSize,
        @DefaultValue("50") int ratePerSecond,
        @DefaultValue("4") int concurrency,
        @DefaultValue("10s") Duration timeout,
        DataSize maxReplySize,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("resend") UnansweredSteps unansweredSteps) {

    /** The reply limit when none is configured and the page size is unknown (pages of 1,000). */
    public static final DataSize DEFAULT_MAX_REPLY_SIZE = replyLimitFor(1000);

    @ConstructorBinding
    public PortalProperties {}

    /** Settings with the reply limit left to its default. */
    public PortalProperties(
            String url,
            String username,
            String password,
            int batchSize,
            int ratePerSecond,
            int concurrency,
            Duration timeout,
            Retry retry,
            CircuitBreaker circuitBreaker,
            UnansweredSteps unansweredSteps) {
        this(
                url,
                username,
                password,
                batchSize,
                ratePerSecond,
                concurrency,
                timeout,
                null,
                retry,
                circuitBreaker,
                unansweredSteps);
    }

    /**
     * Settings without concurrency (one push at a time), with the default circuit breaker and unanswered steps
     * failed ({@link UnansweredSteps#FAIL}).
     */
    public PortalProperties(
            String url,
            String username,
            String password,
            int batchSize,
            int ratePerSecond,
            Duration timeout,
            Retry retry) {
        this(
                url,
                username,
                password,
                batchSize,
                ratePerSecond,
                1,
                timeout,
                null,
                retry,
                CircuitBreaker.DEFAULTS,
                UnansweredSteps.FAIL);
    }

    /**
     * The largest reply a {@code DanhSachHoSo} page of {@code pageSize} dossiers can legitimately be: 16 KiB a
     * dossier, in whole MiB, at least 1 MiB (pages of 1,000: 16 MiB; of 5,000: 79 MiB).
     */
    public static DataSize replyLimitFor(int pageSize) {
        return DataSize.ofMegabytes(Math.max(1, (16L * pageSize + 1023) / 1024));
    }

    /** These settings with the reply limit given when none is configured. */
    public PortalProperties withDefaultMaxReplySize(DataSize fallback) {
        return maxReplySize != null
                ? this
                : new PortalProperties(
                        url,
                        username,
                        password,
                        batchSize,
                        ratePerSecond,
                        concurrency,
                        timeout,
                        fallback,
                        retry,
                        circuitBreaker,
                        unansweredSteps);
    }

    /**
     * @param maxAttempts  attempts of one call in all (first try included)
     * @param initialDelay first back-off
     * @param multiplier   growth of the back-off per attempt
     * @param maxDelay     cap of one back-off, and of an honoured Retry-After
     */
    public record Retry(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxDelay) {}

    /**
     * The circuit breaker around the push ({@code routes/push.camel.yaml}). It counts pushes of one batch
     * (the call's retries included) that ended with the portal unavailable.
     *
     * @param failureRateThreshold percentage of failed pushes among the last sliding-window that opens it
     * @param slidingWindow        pushes the failure rate is computed over
     * @param minimumCalls         pushes needed before the rate counts
     * @param openFor              how long it stays open (no push at all) before letting trial pushes through
     * @param halfOpenCalls        trial pushes that decide whether it closes again or stays open
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindow,
            @DefaultValue("4") int minimumCalls,
            @DefaultValue("60s") Duration openFor,
            @DefaultValue("2") int halfOpenCalls) {

        public static final CircuitBreaker DEFAULTS = new CircuitBreaker(50, 10, 4, Duration.ofSeconds(60), 2);
    }
}

package vn.dvcsync.simulator;

import static vn.dvcsync.simulator.KnobChecks.nonNegative;
import static vn.dvcsync.simulator.KnobChecks.share;

import java.util.Set;

/**
 * Runtime behaviour of the {@link PortalSimulator}; every setter takes effect on the next call and is
 * safe to use while the simulator serves.
 *
 * <p>The fault shares are fractions of all calls, drawn from one uniform number per call, so their
 * sum should stay at most 1: connection reset first, then 5xx, then 429, then code 9.
 * Defaults: no latency, no faults, 50 calls/s per session, sessions live 1800 s.
 */
public final class PortalKnobs {

    private volatile Latency latency = Latency.NONE;
    private volatile int ratePerSecond = 50;
    private volatile double error5xxShare;
    private volatile double http429Share;
    private volatile double connectionResetShare;
    private volatile double code9Share;
    private volatile int sessionExpiresEveryCalls;
    private volatile int sessionTtlSeconds = 1800;
    private volatile int retryAfterSeconds = 1;
    private volatile Set<String> withoutServices = Set.of();

    /** Answer delay, uniformly random within {@code minMs..maxMs}. */
    public PortalKnobs latency(int minMs, int maxMs) {
        latency = new Latency(minMs, maxMs);
        return this;
    }

    /** Calls a second allowed per session; above it HTTP 429 with {@code Retry-After}. 0: unlimited. */
    public PortalKnobs ratePerSecond(int value) {
        ratePerSecond = nonNegative("ratePerSecond", value);
        return this;
    }

    /** Share of calls answered HTTP 502, 503 (with {@code Retry-After}) or 504. */
    public PortalKnobs error5xxShare(double value) {
        error5xxShare = share("error5xxShare", value);
        return this;
    }

    /** Share of calls answered HTTP 429 with {@code Retry-After}, whatever the rate. */
    public PortalKnobs http429Share(double value) {
        http429Share = share("http429Share", value);
        return this;
    }

    /** Share of calls whose connection is closed without a response (nothing is processed). */
    public PortalKnobs connectionResetShare(double value) {
        connectionResetShare = share("connectionResetShare", value);
        return this;
    }

    /** Share of integration calls answered {@code {"error_code": "9"}} (nothing is processed). */
    public PortalKnobs code9Share(double value) {
        code9Share = share("code9Share", value);
        return this;
    }

    /** A session becomes invalid after this many integration calls; 0: never. */
    public PortalKnobs sessionExpiresEveryCalls(int value) {
        sessionExpiresEveryCalls = nonNegative("sessionExpiresEveryCalls", value);
        return this;
    }

    /** Lifetime of a new session ({@code expires_in}). */
    public PortalKnobs sessionTtlSeconds(int value) {
        sessionTtlSeconds = nonNegative("sessionTtlSeconds", value);
        return this;
    }

    /** {@code Retry-After} of injected 429 and 503 answers (rate-limit 429s say when a call is allowed again). */
    public PortalKnobs retryAfterSeconds(int value) {
        retryAfterSeconds = nonNegative("retryAfterSeconds", value);
        return this;
    }

    /**
     * Services this portal does not offer (for instance the contract's assumed {@code DanhSachHoSo}): a call naming
     * one is answered {@code {"error_code": "1"}}, unknown service, as the portal answers any service it lacks.
     */
    public PortalKnobs withoutServices(String... services) {
        withoutServices = Set.of(services);
        return this;
    }

    /** Back to the defaults. */
    public PortalKnobs defaults() {
        latency = Latency.NONE;
        ratePerSecond = 50;
        error5xxShare = 0;
        http429Share = 0;
        connectionResetShare = 0;
        code9Share = 0;
        sessionExpiresEveryCalls = 0;
        sessionTtlSeconds = 1800;
        retryAfterSeconds = 1;
        withoutServices = Set.of();
        return this;
    }

    Latency latency() {
        return latency;
    }

    public int latencyMinMs() {
        return latency.minMs();
    }

    public int latencyMaxMs() {
        return latency.maxMs();
    }

    public int ratePerSecond() {
        return ratePerSecond;
    }

    public double error5xxShare() {
        return error5xxShare;
    }

    public double http429Share() {
        return http429Share;
    }

    public double connectionResetShare() {
        return connectionResetShare;
    }

    public double code9Share() {
        return code9Share;
    }

    public int sessionExpiresEveryCalls() {
        return sessionExpiresEveryCalls;
    }

    public int sessionTtlSeconds() {
        return sessionTtlSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the portal lacks this service ({@link #withoutServices}). */
    public boolean lacks(String service) {
        return withoutServices.contains(service);
    }
}

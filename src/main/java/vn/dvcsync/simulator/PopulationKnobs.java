package vn.dvcsync.simulator;

import static vn.dvcsync.simulator.KnobChecks.nonNegative;
import static vn.dvcsync.simulator.KnobChecks.share;

/**
 * Runtime behaviour of the {@link PopulationSimulator}; every setter takes effect on the next call and
 * is safe to use while the simulator serves.
 *
 * <p>The fault shares are fractions of all calls drawn from one uniform number per call (429 first,
 * then the Server fault), so their sum should stay at most 1.
 * Defaults: no latency (the real service takes 100–800 ms), no faults, 20 calls/s.
 */
public final class PopulationKnobs {

    private volatile Latency latency = Latency.NONE;
    private volatile int ratePerSecond = 20;
    private volatile double serverFaultShare;
    private volatile double http429Share;
    private volatile int retryAfterSeconds = 1;

    /** Answer delay, uniformly random within {@code minMs..maxMs}. */
    public PopulationKnobs latency(int minMs, int maxMs) {
        latency = new Latency(minMs, maxMs);
        return this;
    }

    /** Calls a second the service accepts in all; above it HTTP 429 with {@code Retry-After}. 0: unlimited. */
    public PopulationKnobs ratePerSecond(int value) {
        ratePerSecond = nonNegative("ratePerSecond", value);
        return this;
    }

    /** Share of calls answered with a {@code soapenv:Server} fault. */
    public PopulationKnobs serverFaultShare(double value) {
        serverFaultShare = share("serverFaultShare", value);
        return this;
    }

    /** Share of calls answered HTTP 429 with {@code Retry-After}, whatever the rate. */
    public PopulationKnobs http429Share(double value) {
        http429Share = share("http429Share", value);
        return this;
    }

    /** {@code Retry-After} of injected 429 answers. */
    public PopulationKnobs retryAfterSeconds(int value) {
        retryAfterSeconds = nonNegative("retryAfterSeconds", value);
        return this;
    }

    /** Back to the defaults. */
    public PopulationKnobs defaults() {
        latency = Latency.NONE;
        ratePerSecond = 20;
        serverFaultShare = 0;
        http429Share = 0;
        retryAfterSeconds = 1;
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

    public double serverFaultShare() {
        return serverFaultShare;
    }

    public double http429Share() {
        return http429Share;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package vn.dvcsync.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in simulators ({@code dvcsync.simulator.*}), used only for a system whose URL
 * is not configured. The defaults suit the demo; tests set the knobs at runtime instead.
 */
@ConfigurationProperties("dvcsync.simulator")
public record SimulatorProperties(
        @DefaultValue Portal portal, @DefaultValue Population population) {

    /**
     * The portal simulator's knobs ({@link PortalKnobs}). The fault shares are fractions of all calls, drawn from one
     * number per call, so their sum should stay at most 1.
     *
     * @param port                     TCP port on 127.0.0.1; 0: ephemeral
     * @param latencyMinMs             shortest answer delay in milliseconds (uniformly random up to latencyMaxMs)
     * @param latencyMaxMs             longest answer delay in milliseconds
     * @param ratePerSecond            calls a second allowed per session; above it HTTP 429 with Retry-After; 0:
     *                                 unlimited
     * @param error5xxShare            share of calls answered HTTP 502, 503 (with Retry-After) or 504
     * @param http429Share             share of calls answered HTTP 429 with Retry-After, whatever the rate
     * @param connectionResetShare     share of calls whose connection is closed without a response (nothing is
     *                                 processed)
     * @param code9Share               share of integration calls answered error_code 9 (nothing is processed)
     * @param sessionExpiresEveryCalls a session becomes invalid after this many integration calls; 0: never
     * @param sessionTtlSeconds        lifetime in seconds of a new session (its expires_in)
     * @param retryAfterSeconds        Retry-After in seconds of injected 429 and 503 answers
     * @param seed                     seed of the fault and latency draws; absent: a fresh one per start
     */
    public record Portal(
            @DefaultValue("0") int port,
            @DefaultValue("0") int latencyMinMs,
            @DefaultValue("5") int latencyMaxMs,
            @DefaultValue("50") int ratePerSecond,
            @DefaultValue("0") double error5xxShare,
            @DefaultValue("0") double http429Share,
            @DefaultValue("0") double connectionResetShare,
            @DefaultValue("0") double code9Share,
            @DefaultValue("0") int sessionExpiresEveryCalls,
            @DefaultValue("1800") int sessionTtlSeconds,
            @DefaultValue("1") int retryAfterSeconds,
            Long seed) {

        void applyTo(PortalKnobs knobs) {
            knobs.latency(latencyMinMs, latencyMaxMs)
                    .ratePerSecond(ratePerSecond)
                    .error5xxShare(error5xxShare)
                    .http429Share(http429Share)
                    .connectionResetShare(connectionResetShare)
                    .code9Share(code9Share)
                    .sessionExpiresEveryCalls(sessionExpiresEveryCalls)
                    .sessionTtlSeconds(sessionTtlSeconds)
                    .retryAfterSeconds(retryAfterSeconds);
        }
    }

    /**
     * The population simulator's knobs ({@link PopulationKnobs}). The fault shares are fractions of all calls, drawn
     * from one number per call, so their sum should stay at most 1.
     *
     * @param port              TCP port on 127.0.0.1; 0: ephemeral
     * @param latencyMinMs      shortest answer delay in milliseconds (uniformly random up to latencyMaxMs; the real
     *                          service takes 100–800 ms)
     * @param latencyMaxMs      longest answer delay in milliseconds
     * @param ratePerSecond     calls a second the simulated service accepts in all; above it HTTP 429 with
     *                          Retry-After; 0: unlimited
     * @param serverFaultShare  share of calls answered with a soapenv:Server fault
     * @param http429Share      share of calls answered HTTP 429 with Retry-After, whatever the rate
     * @param retryAfterSeconds Retry-After in seconds of injected 429 answers
     * @param seed              seed of the fault and latency draws; absent: a fresh one per start
     */
    public record Population(
            @DefaultValue("0") int port,
            @DefaultValue("5") int latencyMinMs,
            @DefaultValue("30") int latencyMaxMs,
            @DefaultValue("20") int ratePerSecond,
            @DefaultValue("0") double serverFaultShare,
            @DefaultValue("0") double http429Share,
            @DefaultValue("1") int retryAfterSeconds,
            Long seed) {

        void applyTo(PopulationKnobs knobs) {
            knobs.latency(latencyMinMs, latencyMaxMs)
                    .ratePerSecond(ratePerSecond)
                    .serverFaultShare(serverFaultShare)
                    .http429Share(http429Share)
                    .retryAfterSeconds(retryAfterSeconds);
        }
    }
}

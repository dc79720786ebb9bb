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
     * @param port  TCP port on 127.0.0.1; 0: ephemeral
     * @param seed  seed of the fault and latency draws; absent: a fresh one per start
     * @see PortalKnobs for the meaning of the other settings
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
     * @param port  TCP port on 127.0.0.1; 0: ephemeral
     * @param seed  seed of the fault and latency draws; absent: a fresh one per start
     * @see PopulationKnobs for the meaning of the other settings
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

package vn.dvcsync.simulator;

import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link PopulationSimulator} is built with; runtime behaviour is in {@link PopulationKnobs}.
 * Null credentials mean the empty string.
 *
 * @param port        TCP port on 127.0.0.1; 0: an ephemeral one
 * @param clock       the simulator's clock, against which {@code Timestamp} must be within 5 minutes
 * @param seed        seed of the fault and latency draws
 */
public record PopulationSettings(
        int port, String username, String secret, String apiKey, String xRoadClient, Clock clock, long seed) {

    public PopulationSettings {
        username = Objects.requireNonNullElse(username, "");
        secret = Objects.requireNonNullElse(secret, "");
        apiKey = Objects.requireNonNullElse(apiKey, "");
        xRoadClient = Objects.requireNonNullElse(xRoadClient, "");
        Objects.requireNonNull(clock, "clock");
    }
}

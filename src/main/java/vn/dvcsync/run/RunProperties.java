package vn.dvcsync.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The run history ({@code dvcsync.run.*}): heartbeats ({@link RunHeartbeats}) and the stop at shutdown
 * ({@link RunService}).
 *
 * @param abandonedAfter how long a RUNNING run may go without a heartbeat from the instance executing
 *                       it before it counts as abandoned (that instance was killed or lost) and is marked
 *                       FAILED; absent: dvcsync.ledger.lease
 * @param stopGrace how long a shutdown (SIGTERM) waits for the run in flight, interrupted, to record how far it
 *                  came before Camel and the pools stop; absent: 10 seconds
 */
@ConfigurationProperties("dvcsync.run")
public record RunProperties(Duration abandonedAfter, Duration stopGrace) {

    public RunProperties {
        if (stopGrace == null) {
            stopGrace = Duration.ofSeconds(10);
        }
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("dvcsync.run.stop-grace must not be negative, not " + stopGrace);
        }
        if (abandonedAfter != null && (abandonedAfter.isNegative() || abandonedAfter.isZero())) {
            throw new IllegalArgumentException("dvcsync.run.abandoned-after must be positive, not " + abandonedAfter);
        }
    }
}

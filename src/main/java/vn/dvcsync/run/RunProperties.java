package vn.dvcsync.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The run history ({@code dvcsync.run.*}).
 *
 * @param abandonedAfter how long a {@code RUNNING} run may go without a heartbeat from the instance executing
 *                       it before it counts as abandoned (that instance was killed or lost) and is marked
 *                       {@code FAILED}; absent: {@code dvcsync.ledger.lease}. See {@link RunHeartbeats}.
 */
@ConfigurationProperties("dvcsync.run")
public record RunProperties(Duration abandonedAfter) {

    public RunProperties {
        if (abandonedAfter != null && (abandonedAfter.isNegative() || abandonedAfter.isZero())) {
            throw new IllegalArgumentException("dvcsync.run.abandoned-after must be positive, not " + abandonedAfter);
        }
    }
}

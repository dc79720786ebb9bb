package vn.dvcsync.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Vietnam;

/**
 * The gateway instances sharing this store, from their schedulers' check-ins (Quartz's {@code QRTZ_SCHEDULER_STATE},
 * every {@code dvcsync.cluster.checkin-interval}): an instance is alive while its last check-in is younger than twice
 * its interval. An instance without schedules ({@code dvcsync.schedule.enabled=false}, {@code dvcsync.run-once})
 * checks in nowhere; it shows through the runs it executes.
 */
@Component
public class Instances {

    /**
     * One instance as its scheduler last checked in.
     *
     * @param alive whether it checked in within twice its interval
     */
    public record Instance(String id, OffsetDateTime lastCheckin, Duration checkinInterval, boolean alive) {}

    private final JdbcTemplate jdbc;
    private final ClusterProperties cluster;

    Instances(JdbcTemplate jdbc, ClusterProperties cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** Every instance whose scheduler checked in to this store, the most recent first. */
    public List<Instance> list() {
        long now = System.currentTimeMillis(); // the clock Quartz checks in with
        return jdbc.query(
                """
                select instance_name, last_checkin_time, checkin_interval from qrtz_scheduler_state
                where sched_name = ? order by last_checkin_time desc
                """,
                (rs, n) -> {
                    long checkin = rs.getLong("last_checkin_time");
                    long interval = rs.getLong("checkin_interval");
                    return new Instance(
                            rs.getString("instance_name"),
                            Instant.ofEpochMilli(checkin).atZone(Vietnam.ZONE).toOffsetDateTime(),
                            Duration.ofMillis(interval),
                            now - checkin <= 2 * interval);
                },
                cluster.name());
    }
}

package vn.dvcsync.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs' meters: {@code dvcsync.run.duration} (a timer by type and status, recorded as each run of this instance
 * ends) and {@code dvcsync.run.last.success.age} (seconds since the last successful run of each type on any instance,
 * read from the store and kept for {@code dvcsync.metrics.store-refresh}; since this instance started when no run of
 * the type ever succeeded, so that an alert on it fires on a gateway that never ran).
 */
@Component
class RunMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);

    private final JdbcTemplate jdbc;
    private final long refreshNanos;
    private final Instant started = Instant.now();
    private volatile MeterRegistry registry;
    private volatile Map<String, Instant> lastSuccess = Map.of();
    private volatile long readAt = Long.MIN_VALUE;

    RunMetrics(JdbcTemplate jdbc, @Value("${dvcsync.metrics.store-refresh:PT15S}") Duration refresh) {
        this.jdbc = jdbc;
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (RunType type : RunType.values()) {
            Gauge.builder("dvcsync.run.last.success.age", this, m -> m.ageOfLastSuccess(type))
                    .description("Seconds since the last successful run of the type (since start-up when none)")
                    .tag("type", type.id())
                    .baseUnit("seconds")
                    .register(registry);
            for (String status : new String[] {"SUCCEEDED", "FAILED"}) {
                timer(registry, type, status);
            }
        }
    }

    /** A run of this instance ended. */
    void ended(RunType type, String status, Duration took) {
        MeterRegistry target = registry;
        if (target != null) {
            timer(target, type, status).record(took);
        }
        readAt = Long.MIN_VALUE;
    }

    private static Timer timer(MeterRegistry registry, RunType type, String status) {
        return Timer.builder("dvcsync.run.duration")
                .description("How long the runs of this instance took, by type and status")
                .tag("type", type.id())
                .tag("status", status.toLowerCase())
                .register(registry);
    }

    private double ageOfLastSuccess(RunType type) {
        if (System.nanoTime() - readAt >= refreshNanos || readAt == Long.MIN_VALUE) {
            refresh();
        }
        Instant last = lastSuccess.getOrDefault(type.id(), started);
        return Math.max(0, Duration.between(last, Instant.now()).toMillis() / 1000.0);
    }

    private synchronized void refresh() {
        try {
            Map<String, Instant> read = new HashMap<>();
            jdbc.query("select type, max(finished_at) from run where status = 'SUCCEEDED' group by type", rs -> {
                OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                if (at != null) {
                    read.put(rs.getString(1), at.toInstant());
                }
            });
            lastSuccess = read;
        } catch (RuntimeException e) {
            log.warn("Run metrics not refreshed: the store could not be read ({})", e.toString());
        }
        readAt = System.nanoTime();
    }
}

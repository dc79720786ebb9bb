package vn.dvcsync.run;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.ledger.LedgerProperties;

/**
 * Tells which {@code RUNNING} runs are alive. While this instance executes a run, a scheduled thread refreshes
 * the run's heartbeat in the store every {@link #period()} (a third of the shorter of the ledger lease and
 * {@link #grace()}); {@link #sweep} marks {@code FAILED} every run of any instance whose heartbeat is older than
 * {@link #grace()} ({@code dvcsync.run.abandoned-after}, by default {@code dvcsync.ledger.lease}): the instance
 * executing it was killed or lost. A run executing on another instance keeps a fresh heartbeat and is never
 * swept. Heartbeat and sweep use the store's clock.
 */
@Component
class RunHeartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(100);

    private final RunStore store;
    private final Duration grace;
    private final Duration period;
    private final Set<String> beating = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    RunHeartbeats(RunStore store, RunProperties props, LedgerProperties ledger) {
        this.store = store;
        this.grace = props.abandonedAfter() != null ? props.abandonedAfter() : ledger.lease();
        Duration third = (grace.compareTo(ledger.lease()) < 0 ? grace : ledger.lease()).dividedBy(3);
        this.period = third.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD : third;
        timer.scheduleWithFixedDelay(this::beat, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long a run may go without a heartbeat before it counts as abandoned. */
    Duration grace() {
        return grace;
    }

    /** How often this instance refreshes the heartbeat of the runs it executes. */
    Duration period() {
        return period;
    }

    /** This instance executes the run (recorded with a fresh heartbeat): keep its heartbeat fresh until {@link #stop}. */
    void start(String runId) {
        beating.add(runId);
    }

    void stop(String runId) {
        beating.remove(runId);
    }

    /**
     * Marks {@code FAILED} the runs of any instance whose heartbeat is older than {@link #grace()}; safe while
     * other instances sweep too (each run is swept once).
     *
     * @return the ids of the runs it marked
     */
    List<String> sweep() {
        List<String> abandoned = store.abandon(grace);
        for (String id : abandoned) {
            log.warn(
                    "Run {} abandoned: no heartbeat for more than {} (the instance executing it stopped); marked FAILED",
                    id,
                    grace);
        }
        return abandoned;
    }

    private void beat() {
        if (beating.isEmpty()) {
            return;
        }
        try {
            store.heartbeat(Set.copyOf(beating));
        } catch (RuntimeException e) {
            log.warn("Run heartbeat not written: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

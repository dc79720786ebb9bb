package vn.dvcsync.run;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.report.ReportService;
import vn.dvcsync.support.RunContext;
import vn.dvcsync.support.Stopping;

/**
 * Starts runs, one at a time: records the run, sends it through its route {@code direct:run-<type>},
 * then stores and prints its summary. While a run goes its heartbeat is kept fresh ({@link RunHeartbeats});
 * at start-up and before each run, runs of any instance left {@code RUNNING} without a heartbeat are marked
 * {@code FAILED}. A shutdown (SIGTERM) interrupts the run in flight and lets it record how far it came, before Camel
 * and the pools stop ({@link #stopRunInFlight}).
 */
@Service("runService")
public class RunService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ProducerTemplate template;
    private final CamelContext camel;
    private final RunStore store;
    private final RunCounters counters;
    private final Ledger ledger;
    private final RunHeartbeats heartbeats;
    private final RunMetrics metrics;
    private final ReportService reports;
    private final Duration stopGrace;
    // a permit, not a lock: a run started by start() ends on another thread than the one that took it
    private final Semaphore oneAtATime = new Semaphore(1);
    private final ExecutorService async = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "run");
        t.setDaemon(true);
        return t;
    });

    RunService(
            ProducerTemplate template,
            CamelContext camel,
            RunStore store,
            RunCounters counters,
            Ledger ledger,
            RunHeartbeats heartbeats,
            RunMetrics metrics,
            ReportService reports,
            RunProperties properties,
            Stopping stopping) {
        this.stopping = stopping;
        this.stopGrace = properties.stopGrace();
        this.metrics = metrics;
        this.reports = reports;
        this.template = template;
        this.camel = camel;
        this.store = store;
        this.counters = counters;
        this.ledger = ledger;
        this.heartbeats = heartbeats;
    }

    /** Thrown when a run is asked for while another one is going; it names that run. */
    public static class RunInProgressException extends RuntimeException {
        RunInProgressException(Run going) {
            super(
                    going == null
                            ? "Another run is in progress"
                            : "Run " + going.id() + " (" + going.type() + ", started "
                                    + WHEN.format(going.startedAt().atZoneSameInstant(Vietnam.ZONE)) + " Vietnam time"
                                    + (going.instance() == null ? "" : ", on " + going.instance())
                                    + ") is in progress: one run at a time; try again when it has finished (GET /api/v1/runs/"
                                    + going.id() + ")");
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /** The run this instance is executing, if any, and the thread executing it. */
    private volatile String current;

    private volatile Thread runner;

    private final Stopping stopping;

    private RunInProgressException inProgress() {
        String id = current;
        Run going = id == null ? null : store.find(id).orElse(null);
        if (going == null) {
            going = store.running().stream().findFirst().orElse(null);
        }
        return new RunInProgressException(going);
    }

    /** Starts a run in the background and returns its id at once. */
    public String start(RunType type) {
        return start(type, Map.of());
    }

    /**
     * Starts a run in the background with extra headers for its route (a replay's filter) and returns its
     * id at once.
     */
    public String start(RunType type, Map<String, Object> headers) {
        check(type);
        if (!oneAtATime.tryAcquire()) {
            throw inProgress();
        }
        String id;
        try {
            id = begin(type);
        } catch (RuntimeException e) {
            oneAtATime.release();
            throw e;
        }
        async.execute(() -> {
            try {
                finish(id, type, headers);
            } finally {
                oneAtATime.release();
            }
        });
        return id;
    }

    /** Runs to the end in this thread; the schedule and {@code dvcsync.run-once} use it. */
    public Run execute(RunType type) {
        check(type);
        if (!oneAtATime.tryAcquire()) {
            throw inProgress();
        }
        try {
            String id = begin(type);
            finish(id, type, Map.of());
            return find(id).orElseThrow();
        } finally {
            oneAtATime.release();
        }
    }

    /** What the schedule calls: a run that finds another in progress is skipped, not queued. */
    public void scheduled(String type) {
        try {
            execute(RunType.parse(type));
        } catch (RunInProgressException e) {
            log.info("Scheduled {} run skipped: another run is in progress", type);
        }
    }

    /** A run by id (or {@code latest}); one in progress on this instance carries its counts so far. */
    public Optional<Run> find(String id) {
        return store.find(id).map(r -> {
            if (!"RUNNING".equals(r.status()) || !r.counts().isEmpty()) {
                return r;
            }
            Map<String, Object> soFar = new LinkedHashMap<>(counters.snapshot(r.id()));
            soFar.putAll(ledgerCounts(r.id()));
            return new Run(r.id(), r.type(), r.status(), r.startedAt(), r.finishedAt(), soFar, r.error(), r.instance());
        });
    }

    /** A page of runs, newest first, filtered by type and status when given. */
    public Page<Run> list(RunType type, String status, int page, int size) {
        Page.check(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown run status '" + status + "' (known: " + STATUSES + ")");
        }
        return store.list(type, status, page, size);
    }

    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED");

    /** The runs going now, on any instance of this store (each says which). */
    public List<Run> running() {
        return store.running();
    }

    /** The newest run of one of these types that succeeded. */
    public Optional<Run> latestSucceeded(RunType... types) {
        return store.latestSucceeded(List.of(types));
    }

    private void check(RunType type) {
        if (stopping.requested()) {
            throw new IllegalStateException("The gateway is shutting down: no " + type.id() + " run starts");
        }
        if (camel.getRoute("run-" + type.id()) == null) {
            throw new IllegalArgumentException("Run type " + type.id() + " is not available in this version");
        }
    }

    /** At start-up: the runs this or another instance left RUNNING when it was killed are marked FAILED. */
    @EventListener(ApplicationStartedEvent.class)
    void sweepAtStart() {
        sweepAbandoned();
    }

    /** Marks FAILED the abandoned runs (no heartbeat for longer than the grace), with what the ledger says they did. */
    private void sweepAbandoned() {
        for (String id : heartbeats.sweep()) {
            store.addCounts(id, ledgerCounts(id));
        }
    }

    private String begin(RunType type) {
        sweepAbandoned();
        OffsetDateTime now = OffsetDateTime.now(Vietnam.ZONE);
        String id = ID.format(now) + "-"
                + Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xf000));
        store.started(id, type, now);
        heartbeats.start(id);
        try (var context = RunContext.open(id)) {
            log.info("Run {} ({}) started", id, type.id());
        }
        return id;
    }

    /** The ledger rows a run touched, per record type, status and reason, as {@code run.<type>.<status>[.<reason>]}. */
    private Map<String, Object> ledgerCounts(String id) {
        Map<String, Object> counts = new LinkedHashMap<>();
        ledger.countsForRun(id).forEach((k, v) -> counts.put("run." + k, v));
        return counts;
    }

    /** Runs the route and records the outcome; the run's heartbeat stops when it is recorded (or cannot be). */
    private void finish(String id, RunType type, Map<String, Object> headers) {
        current = id;
        runner = Thread.currentThread();
        try (var context = RunContext.open(id)) {
            runAndRecord(id, type, headers);
        } finally {
            runner = null;
            current = null;
            heartbeats.stop(id);
        }
    }

    /**
     * On shutdown, before Camel and the pools stop (this listener comes before Camel's): no run starts any more, and
     * the run in flight is interrupted and given {@code dvcsync.run.stop-grace} to record how far it came. What it
     * has not delivered stays pending in the ledger for the next run; a run that does not stop in time is left
     * {@code RUNNING} and marked {@code FAILED} by the next start-up.
     */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void stopRunInFlight() {
        stopping.request();
        Thread thread = runner;
        String id = current;
        if (thread == null) {
            return;
        }
        log.warn("Shutting down: run {} is stopped; what it has not delivered stays pending for the next run", id);
        // the loops of the run end at their next step (Stopping); the interrupt ends the waits between them
        thread.interrupt();
        try {
            if (oneAtATime.tryAcquire(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return; // kept: no run starts while the gateway stops
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Run {} did not stop within {}: the next start-up marks it FAILED", id, stopGrace);
    }

    private void runAndRecord(String id, RunType type, Map<String, Object> headers) {
        long t0 = System.nanoTime();
        String status = "SUCCEEDED";
        String error = null;
        try {
            Map<String, Object> all = new HashMap<>(headers);
            all.put("runId", id);
            all.put("runType", type.id());
            template.sendBodyAndHeaders("direct:run-" + type.id(), null, all);
        } catch (RuntimeException e) {
            status = "FAILED";
            error = FailureText.of(e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (!stopping.requested()) {
                log.error("Run {} failed: {}", id, cause.toString());
            }
            log.debug("Run {} failed", id, e);
        }
        if (stopping.requested()) {
            // its loops ended early, with or without an error: the run did not do all it had to
            Thread.interrupted(); // the interrupt that stopped the run must not refuse the connections that record it
            status = "FAILED";
            error = "stopped: the gateway was shut down during the run; what it did not deliver stays pending";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> counts = new LinkedHashMap<>(counters.remove(id));
        counts.putAll(ledgerCounts(id));
        ledger.totals().forEach((k, v) -> counts.put("ledger." + k, v));
        counts.put("seconds", Math.round(seconds * 10) / 10.0);
        long delivered = ((Number) counts.getOrDefault("run.dossier.delivered", 0L)).longValue();
        counts.put("dossiers_per_second", seconds > 0 ? Math.round(delivered / seconds * 10) / 10.0 : 0.0);
        long compared = ((Number) counts.getOrDefault("reconciled.dossiers", 0L)).longValue();
        if (compared > 0) {
            counts.put("compared_per_second", seconds > 0 ? Math.round(compared / seconds * 10) / 10.0 : 0.0);
        }
        store.finished(id, status, counts, error);
        if (type != RunType.RECONCILE && type != RunType.NIGHTLY) {
            // a reconcile or nightly run wrote its report's summary.json; every other run writes what it did
            writeSummary(id, type, status, counts, error);
        }
        metrics.ended(type, status, Duration.ofNanos(System.nanoTime() - t0));
        log.info(
                "{}",
                RunSummary.format(id, type, status, Duration.ofMillis(Math.round(seconds * 1000)), counts, error));
    }

    private void writeSummary(String id, RunType type, String status, Map<String, Object> counts, String error) {
        try {
            reports.writeRunSummary(id, type.id(), status, counts, error);
        } catch (RuntimeException e) {
            log.warn("Run {}: summary.json not written: {}", id, e.getMessage());
        }
    }

    @Override
    public void close() {
        async.shutdownNow();
    }
}

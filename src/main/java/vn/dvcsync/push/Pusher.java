package vn.dvcsync.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.ledger.Claimed;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.portal.ItemCode;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalClient.ItemResult;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.portal.PortalUnavailableException;
import vn.dvcsync.portal.UnansweredSteps;
import vn.dvcsync.support.Sleeper;
import vn.dvcsync.support.Stopping;

/**
 * Ledger → portal, one batch at a time: claims pending rows, sends them, and moves each row by the
 * portal's per-item answer. {@code routes/push.camel.yaml} runs {@code dvcsync.portal.concurrency} pushers
 * side by side ({@link #workers()}), each calling {@link #pushBatch} inside the portal circuit breaker
 * until nothing is left; the portal client paces all of them to {@code dvcsync.portal.rate-per-second}.
 * A call that fails after the client's retries marks its rows' attempt failed (PENDING again after
 * {@code dvcsync.ledger.retry-delay}, or FAILED after the last attempt); {@link #afterFailure} decides
 * whether the push goes on.
 *
 * <p>A progress step sent without an answer, by this push (a time-out, a lost connection, HTTP 502/504) or by one
 * that stopped before recording it ({@link Claimed#uncertain()}: an instance killed, its lease over), may or may
 * not be on the portal, and the portal cannot be asked. With {@code dvcsync.portal.unanswered-steps: fail} it becomes a dead letter at once, its last error starting {@code UNCONFIRMED} and saying what to do,
 * and is never sent again unless an admin replays it; the other steps of its batch go on as usual. A push with
 * such steps counts as failed for the circuit breaker (the portal did not answer). With {@code resend} (the default: a missing step costs the
 * applicant and the index more than a step shown twice) it is sent again and counted ({@value #STEPS_RESENT_UNCONFIRMED}).
 */
@Component("pusher")
public class Pusher {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);
    private static final Pattern PORTAL_FIELD = Pattern.compile("\\b([A-Z][A-Za-z]+)\\b");
    /**
     * Run count of progress steps delivered by a sending that followed one whose answer was not recorded (a
     * time-out, a lost connection, a crash, a failed attempt): the portal may hold them twice. Only with
     * {@code unanswered-steps: resend}.
     */
    static final String STEPS_RESENT_UNCONFIRMED = "push.steps_resent_unconfirmed";
    /**
     * Run count of progress steps that became dead letters because their sending got no answer
     * ({@code unanswered-steps: fail}).
     */
    static final String STEPS_UNCONFIRMED = "push.steps_unconfirmed";
    /** Run count of records the portal refused (item code 2), quarantined with its message. */
    static final String REJECTED_BY_PORTAL = "push.rejected_by_portal";
    /** Run count of dossiers the portal took as creates ({@code isUpdating: "False"}). */
    static final String DOSSIERS_CREATED = "pushed.dossiers_created";
    /** Run count of dossiers the portal took as updates of the copy it held ({@code isUpdating: "True"}). */
    static final String DOSSIERS_UPDATED = "pushed.dossiers_updated";

    private static final String STOPPED_PUSH =
            "the push that sent it stopped before recording the answer: " + "its instance stopped or lost its store";

    private final Ledger ledger;
    private final PortalClient portal;
    private final PortalProperties props;
    private final ObjectMapper json;
    private final RunCounters counters;
    private final CircuitBreaker breaker;
    private final UnansweredSteps unansweredSteps;
    private final Stopping stopping;

    /** The run whose push found no dossier left that the portal holds (they go first); null: none yet. */
    private volatile String updatesDone;

    Pusher(
            Ledger ledger,
            PortalClient portal,
            PortalProperties props,
            ObjectMapper json,
            RunCounters counters,
            @Qualifier("portalCircuitBreaker") CircuitBreaker breaker,
            Stopping stopping) {
        this.stopping = stopping;
        this.ledger = ledger;
        this.portal = portal;
        this.props = props;
        this.json = json;
        this.counters = counters;
        this.breaker = breaker;
        this.unansweredSteps = portal.unansweredSteps();
    }

    /** One entry per parallel pusher ({@code dvcsync.portal.concurrency}), for the route's parallel split. */
    public List<Integer> workers() {
        return IntStream.rangeClosed(1, Math.max(1, props.concurrency()))
                .boxed()
                .toList();
    }

    /**
     * Before the pushers of one kind start: supersedes stale dossier versions and returns the flag that
     * stops all of them once one must stop.
     */
    public AtomicBoolean begin(String recordType, String runId) {
        if (Ledger.DOSSIER.equals(recordType)) {
            updatesDone = null;
            int stale = ledger.supersedeStale();
            if (stale > 0) {
                log.info("Run {}: {} older dossier versions superseded before the push", runId, stale);
            }
            checkProcedures(runId);
        }
        return new AtomicBoolean();
    }

    /**
     * The portal's catalogue, read once per run before the dossiers are pushed: a dossier citing a procedure it
     * lacks is quarantined ({@code PROCEDURE_UNKNOWN}) and never sent. A catalogue that cannot be read leaves the
     * dossiers to the portal's own answer (item code 2, quarantined all the same); so does a breaker that is open,
     * which lets no push through either.
     */
    private void checkProcedures(String runId) {
        Set<String> catalogue;
        try {
            // through the breaker: no call reaches a portal known to be down
            catalogue = breaker.executeSupplier(portal::procedureCodes);
        } catch (RuntimeException e) {
            log.warn(
                    "Run {}: the portal's catalogue (LayDanhSachTTHC) could not be read, dossiers are sent "
                            + "unchecked against it: {}",
                    runId,
                    e.getMessage());
            return;
        }
        if (catalogue.isEmpty()) {
            // a province without one procedure is a portal answering wrong, not a reason to withhold every dossier
            log.warn("Run {}: the portal's catalogue (LayDanhSachTTHC) is empty; dossiers are sent unchecked", runId);
            return;
        }
        int unknown = ledger.checkProcedures(catalogue, runId);
        if (unknown > 0) {
            log.info(
                    "Run {}: {} dossiers cite a procedure the portal's catalogue lacks: quarantined (PROCEDURE_UNKNOWN)",
                    runId,
                    unknown);
        }
    }

    /**
     * Pushes one batch of {@code recordType} ({@code DOSSIER} or {@code STEP}).
     *
     * @return false when there was nothing to push or the push was stopped
     */
    public boolean pushBatch(String recordType, String runId, AtomicBoolean stop) {
        if (stop != null && stop.get()) {
            return false;
        }
        if (stopping.requested()) {
            // shutting down: this pusher ends after the batch it sent, recorded; the rest stays pending
            counters.add(runId, "push.stopped_by_shutdown", 1);
            return false;
        }
        return Ledger.DOSSIER.equals(recordType) ? pushDossierBatch(runId) : pushStepBatch(runId);
    }

    /**
     * The circuit breaker's fallback: a batch failed, or the breaker refused to let it through.
     * A portal unavailable while the breaker stays closed: that batch waits for its next attempt and the
     * push goes on. The breaker open: every pusher stops and the run fails, the records not pushed stay
     * PENDING for a later run. Half open: this pusher waits while the trial pushes decide. Anything else
     * (a request the portal calls malformed, a store error): every pusher stops and the error fails the run.
     *
     * @param failure the exception of the failed batch; null when the breaker did not let it through
     * @return whether this pusher goes on
     */
    public boolean afterFailure(String recordType, Throwable failure, String runId, AtomicBoolean stop) {
        CircuitBreaker.State state = breaker.getState();
        boolean refused = failure == null || failure instanceof CallNotPermittedException;
        if (refused && state == CircuitBreaker.State.HALF_OPEN) {
            Sleeper.sleep(Duration.ofMillis(100));
            return true;
        }
        if (refused || state != CircuitBreaker.State.CLOSED) {
            if (stop != null) {
                stop.set(true);
            }
            counters.add(runId, "push.stopped_by_circuit_breaker", 1);
            throw new PortalUnavailableException(
                    "portal circuit breaker " + state + ": pushing " + recordType.toLowerCase()
                            + " records stopped, the rest stay PENDING for a later run"
                            + (refused ? "" : "; last error: " + failure.getMessage()));
        }
        if (PortalUnavailableException.isCause(failure)) {
            counters.add(runId, "push.failed_batches", 1);
            return true;
        }
        if (stop != null) {
            stop.set(true);
        }
        throw failure instanceof RuntimeException re ? re : new IllegalStateException(failure);
    }

    /** Pushes one batch of pending dossiers; false when there was none. */
    public boolean pushDossierBatch(String runId) {
        // the dossiers the portal holds first, batch after batch of updates (one call each, where a batch mixed with
        // creates takes two); once none is left, any
        List<Claimed> batch = List.of();
        if (!Objects.equals(runId, updatesDone)) {
            batch = ledger.claimHeldDossiers(props.batchSize());
            if (batch.isEmpty()) {
                updatesDone = runId;
            }
        }
        if (batch.isEmpty()) {
            batch = ledger.claimDossiers(props.batchSize());
        }
        if (batch.isEmpty()) {
            return false;
        }
        List<Claimed> creates = batch.stream().filter(c -> !c.deliveredBefore()).toList();
        List<Claimed> updates = batch.stream().filter(Claimed::deliveredBefore).toList();
        try {
            send(creates, false, runId);
        } catch (RuntimeException e) {
            ledger.release(ids(updates));
            throw e;
        }
        send(updates, true, runId);
        return true;
    }

    /**
     * Pushes one batch of pending progress steps whose dossier is on the portal; false when there was none. Steps a
     * stopped push left unconfirmed are not sent with {@code unanswered-steps: fail}: they become dead letters.
     */
    public boolean pushStepBatch(String runId) {
        List<Claimed> batch = ledger.claimSteps(props.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<Claimed> send = batch;
        if (!unansweredSteps.resends()) {
            List<Claimed> unsure = batch.stream().filter(Claimed::uncertain).toList();
            if (!unsure.isEmpty()) {
                send = batch.stream().filter(c -> !c.uncertain()).toList();
                record(
                        unsure,
                        unsure.stream()
                                .map(c -> ItemResult.unconfirmed(c.parentKey(), c.uncertainSince(), STOPPED_PUSH))
                                .toList(),
                        runId,
                        "steps");
                if (send.isEmpty()) {
                    return true;
                }
            }
        }
        List<ItemResult> results;
        try {
            results = portal.pushSteps(payloads(send));
        } catch (RuntimeException e) {
            // unanswered steps failing (not resent), the client throws only when none of its calls can have been
            // processed
            failed(send, e, unansweredSteps.resends(), runId);
            throw e;
        }
        record(send, results, runId, "steps");
        long unanswered =
                results.stream().filter(r -> r.is(ItemCode.UNCONFIRMED)).count();
        if (unanswered > 0) {
            // recorded; but a portal that leaves calls unanswered is failing: the circuit breaker counts this push, and
            // opens before a portal that hangs turns every pending step into a dead letter
            throw new PortalUnavailableException("portal CapNhatTienDoHoSoMC: " + unanswered
                    + " progress steps sent without an answer: " + "dead letters (UNCONFIRMED), not sent again");
        }
        return true;
    }

    private void send(List<Claimed> rows, boolean updating, String runId) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> unconfirmed =
                rows.stream().filter(Claimed::uncertain).map(Claimed::recordKey).collect(Collectors.toSet());
        List<ItemResult> results;
        try {
            results = portal.pushDossiers(payloads(rows), updating, unconfirmed);
        } catch (RuntimeException e) {
            failed(rows, e, true, runId);
            throw e;
        }
        record(rows, results, runId, "dossiers");
    }

    private void record(List<Claimed> rows, List<ItemResult> results, String runId, String what) {
        List<Long> delivered = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        String retryError = null;
        Map<String, List<Long>> unconfirmed = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Claimed row = rows.get(i);
            ItemResult r = i < results.size() ? results.get(i) : null;
            switch (r == null ? ItemCode.OTHER : r.kind()) {
                case PROCESSED -> {
                    delivered.add(row.id());
                    if (PortalClient.ALREADY_HELD.equals(r.message())) {
                        counters.add(runId, "pushed.already_on_portal", 1);
                    } else if (row.parentKey() == null) {
                        counters.add(runId, r.updated() ? DOSSIERS_UPDATED : DOSSIERS_CREATED, 1);
                    }
                    if (row.parentKey() != null && (row.uncertain() || r.resentUnanswered())) {
                        // a step whose earlier sending may have arrived: the portal cannot be asked, it may hold it
                        // twice
                        counters.add(runId, STEPS_RESENT_UNCONFIRMED, 1);
                    }
                }
                case INVALID_DATA -> quarantine(row, r.message(), runId);
                case UNCONFIRMED ->
                    unconfirmed
                            .computeIfAbsent(UnansweredSteps.deadLetterError(r.message()), k -> new ArrayList<>())
                            .add(row.id());
                default -> {
                    retry.add(row.id());
                    retryError = "portal item code " + (r == null ? "missing" : r.code() + ": " + r.message());
                }
            }
        }
        ledger.markDelivered(delivered, runId);
        // answered with another code: not taken. A dossier stays unconfirmed all the same (it costs one look-up)
        boolean steps = rows.get(0).parentKey() != null;
        ledger.markAttemptFailed(retry, retryError, !steps || unansweredSteps.resends(), runId);
        unconfirmed.forEach((error, ids) -> {
            log.warn(
                    "{} progress steps sent without an answer are dead letters, not sent again: {}", ids.size(), error);
            ledger.markDeadLetters(ids, error, runId);
            counters.add(runId, STEPS_UNCONFIRMED, ids.size());
        });
        counters.add(runId, "pushed." + what, delivered.size());
    }

    /** The portal refused the record's data ({@link ItemCode#INVALID_DATA}): it waits in quarantine for the city to fix it. */
    private void quarantine(Claimed row, String portalMessage, String runId) {
        String message = portalMessage == null ? "" : portalMessage;
        String field = fieldOf(message);
        String reason = row.parentKey() == null
                ? ("MaTTHC".equals(field) ? Category.PROCEDURE_UNKNOWN : Category.DOSSIER_INVALID).name()
                : "STEP_INVALID";
        log.info("Portal refused {} {}: {}", row.parentKey() == null ? "dossier" : "step", row.recordKey(), message);
        counters.add(runId, REJECTED_BY_PORTAL, 1);
        ledger.markQuarantined(row, reason, field, "Portal refused " + row.recordKey() + ": " + message, runId);
    }

    /** The portal's message names the field it refused; the first field-like word is taken. */
    static String fieldOf(String message) {
        Matcher m = PORTAL_FIELD.matcher(message);
        while (m.find()) {
            String w = m.group(1);
            if (w.length() > 3 && w.chars().skip(1).anyMatch(Character::isUpperCase)) {
                return w;
            }
        }
        return "portal";
    }

    /** @param mayHaveArrived whether the portal may have processed some call of the failed push */
    private void failed(List<Claimed> rows, RuntimeException e, boolean mayHaveArrived, String runId) {
        log.warn("Push of {} records failed: {}", rows.size(), e.getMessage());
        ledger.markAttemptFailed(ids(rows), e.toString(), mayHaveArrived, runId);
    }

    private static List<Long> ids(List<Claimed> rows) {
        return rows.stream().map(Claimed::id).toList();
    }

    private List<ObjectNode> payloads(List<Claimed> rows) {
        List<ObjectNode> out = new ArrayList<>(rows.size());
        for (Claimed c : rows) {
            try {
                out.add((ObjectNode) json.readTree(c.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Ledger row " + c.id() + " holds unreadable JSON", e);
            }
        }
        return out;
    }
}

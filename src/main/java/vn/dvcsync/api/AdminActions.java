package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.audit.AuditLog.Action;
import vn.dvcsync.ledger.DeadLetters;
import vn.dvcsync.ledger.DeadLetters.Filter;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * The admins' actions on runs and dead letters, checked and audited in one place: the API ({@link RunController},
 * {@link DeadLetterController}) and the admins' pages ({@code vn.dvcsync.admin}) both call them.
 */
@Component
public class AdminActions {

    static final int MAX_REASON = 500;
    static final int MAX_IDS = 10_000;

    private final DeadLetters deadLetters;
    private final RunService runs;
    private final AuditLog audit;

    AdminActions(DeadLetters deadLetters, RunService runs, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.audit = audit;
    }

    /** Starts a run of a public type (incremental, nightly, reconcile) and returns its id. */
    public String startRun(RunType type, HttpServletRequest request) {
        String id = runs.start(type);
        audit.record(request, Action.RUN_STARTED, id, Map.of("type", type.id()));
        return id;
    }

    /** A dead-letter filter from a caller's parameters; a type other than DOSSIER or STEP is refused. */
    public static Filter filter(String type, String unit, String error) {
        if (type != null && !type.isBlank() && !type.equalsIgnoreCase("DOSSIER") && !type.equalsIgnoreCase("STEP")) {
            throw new IllegalArgumentException("type must be DOSSIER or STEP, not '" + type + "'");
        }
        return Filter.of(type, unit, error);
    }

    /** These dead letters, when they also match {@code filter}; 1 to {@value #MAX_IDS} ids. */
    public static Filter only(Filter filter, List<Long> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS || ids.contains(null)) {
            throw new IllegalArgumentException("ids must hold 1 to " + MAX_IDS + " dead-letter ids");
        }
        return filter.only(ids);
    }

    /** Whether the ledger holds this row. */
    public boolean exists(long deadLetter) {
        return deadLetters.status(deadLetter).isPresent();
    }

    /** Closes the dead letters of {@code filter} without a replay, for {@code reason}; how many were closed. */
    public int acknowledge(Filter filter, String reason, HttpServletRequest request) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An acknowledgement needs a reason (for example: found on the portal)");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is longer than " + MAX_REASON + " characters");
        }
        String control = ControlCharacters.Check.firstControl(reason);
        if (control != null) {
            throw new IllegalArgumentException("The reason holds a control character (" + control + ")");
        }
        String who = request.getUserPrincipal().getName();
        int n = deadLetters.acknowledge(filter, who, reason);
        audit.record(
                request,
                Action.DEAD_LETTERS_ACKNOWLEDGED,
                filter.describe(),
                Map.of("acknowledged", n, "reason", reason));
        return n;
    }

    /** Replays the dead letters of {@code filter}: the id of the replay run. */
    public String replay(Filter filter, HttpServletRequest request) {
        String runId = runs.start(RunType.REPLAY, Map.of("replayFilter", filter));
        audit.record(request, Action.DEAD_LETTERS_REPLAYED, filter.describe(), Map.of("run", runId));
        return runId;
    }
}

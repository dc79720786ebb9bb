package vn.dvcsync.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.ledger.DeadLetters;
import vn.dvcsync.ledger.DeadLetters.Filter;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * Dead letters (ADMIN): list them, replay one, or replay all that match a filter. A replay is a run of type
 * {@code replay} (followed with {@code GET /api/v1/runs/{id}}) that puts the dead letters back to PENDING and
 * pushes them; replaying again is harmless. While another run is going a replay is refused (409), nothing changed.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    private static final int MAX_PAGE_SIZE = 500;

    private final DeadLetters deadLetters;
    private final RunService runs;

    DeadLetterController(DeadLetters deadLetters, RunService runs) {
        this.deadLetters = deadLetters;
        this.runs = runs;
    }

    /** {@code ?type=DOSSIER|STEP&unit=<agency code>&error=<piece of the last error>&page=0&size=50} */
    @GetMapping
    DeadLetters.Page list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        return deadLetters.list(Filter.of(checkedType(type), unit, error), page, size);
    }

    /** Replays one dead letter: {@code 202 {"id": "<run-id>"}}; 404 when the ledger has no such row. */
    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, String>> replayOne(@PathVariable long id) {
        if (deadLetters.status(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return replay(Filter.one(id));
    }

    /** Replays every dead letter matching the filter (no filter: all of them): {@code 202 {"id": "<run-id>"}}. */
    @PostMapping("/replay")
    ResponseEntity<Map<String, String>> replayAll(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error) {
        return replay(Filter.of(checkedType(type), unit, error));
    }

    private ResponseEntity<Map<String, String>> replay(Filter filter) {
        String runId = runs.start(RunType.REPLAY, Map.of("replayFilter", filter));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", runId));
    }

    private static String checkedType(String type) {
        if (type != null && !type.isBlank() && !type.equalsIgnoreCase("DOSSIER") && !type.equalsIgnoreCase("STEP")) {
            throw new IllegalArgumentException("type must be DOSSIER or STEP, not '" + type + "'");
        }
        return type;
    }
}

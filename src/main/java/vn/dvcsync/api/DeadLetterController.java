package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.ledger.DeadLetters;
import vn.dvcsync.ledger.DeadLetters.Filter;

/**
 * Dead letters (ADMIN): list them, replay one, or replay all that match a filter. A replay is a run of type
 * {@code replay} (followed with {@code GET /api/v1/runs/{id}}) that puts the dead letters back to PENDING and
 * pushes them; replaying again is harmless. While another run is going a replay is refused (409), nothing changed.
 * Acknowledging closes dead letters without a replay, with a reason; the list then holds only what still needs
 * someone, and the closed ones are listed apart. Replays and acknowledgements go to the audit log.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    /**
     * An acknowledgement: why the dead letters are closed (required), and which ones when not a filter's.
     *
     * @param ids    these dead letters (with the call's filter, if any, applying too)
     * @param reason why, for example "found on the portal"
     */
    record AcknowledgeRequest(List<Long> ids, String reason) {}

    private final DeadLetters deadLetters;
    private final AdminActions actions;

    DeadLetterController(DeadLetters deadLetters, AdminActions actions) {
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    /** {@code ?type=DOSSIER|STEP&unit=<agency code>&error=<piece of the last error>&page=0&size=50} */
    @GetMapping
    Page<DeadLetters.DeadLetter> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return deadLetters.list(AdminActions.filter(type, unit, error), page, size);
    }

    /** The dead letters closed without a replay: who closed them, when and why; newest first. */
    @GetMapping("/acknowledged")
    Page<DeadLetters.Acknowledged> acknowledged(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return deadLetters.acknowledged(AdminActions.filter(type, unit, error), page, size);
    }

    /** Closes one dead letter: {@code {"reason": "found on the portal"}} → {@code {"acknowledged": 1}} (0: closed already). */
    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Map<String, Integer>> acknowledgeOne(
            @PathVariable long id, @RequestBody AcknowledgeRequest body, HttpServletRequest request) {
        if (!actions.exists(id)) {
            return ResponseEntity.notFound().build();
        }
        return acknowledge(Filter.one(id), body, request);
    }

    /**
     * Closes the dead letters matching the filter ({@code ?type=&unit=&error=}), or those of {@code ids} in the body
     * (with the filter too): {@code {"acknowledged": n}}.
     */
    @PostMapping("/acknowledge")
    ResponseEntity<Map<String, Integer>> acknowledgeAll(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestBody AcknowledgeRequest body,
            HttpServletRequest request) {
        Filter filter = AdminActions.filter(type, unit, error);
        if (body != null && body.ids() != null) {
            filter = AdminActions.only(filter, body.ids());
        }
        return acknowledge(filter, body, request);
    }

    private ResponseEntity<Map<String, Integer>> acknowledge(
            Filter filter, AcknowledgeRequest body, HttpServletRequest request) {
        int n = actions.acknowledge(filter, body == null ? null : body.reason(), request);
        return ResponseEntity.ok(Map.of("acknowledged", n));
    }

    /** Replays one dead letter: {@code 202 {"id": "<run-id>"}}; 404 when the ledger has no such row. */
    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, String>> replayOne(@PathVariable long id, HttpServletRequest request) {
        if (!actions.exists(id)) {
            return ResponseEntity.notFound().build();
        }
        return replay(Filter.one(id), request);
    }

    /** Replays every dead letter matching the filter (no filter: all of them): {@code 202 {"id": "<run-id>"}}. */
    @PostMapping("/replay")
    ResponseEntity<Map<String, String>> replayAll(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            HttpServletRequest request) {
        return replay(AdminActions.filter(type, unit, error), request);
    }

    private ResponseEntity<Map<String, String>> replay(Filter filter, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", actions.replay(filter, request)));
    }
}

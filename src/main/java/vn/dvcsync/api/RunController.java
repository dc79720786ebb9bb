package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
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
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/** Runs: start one (ADMIN), list them and read one (ADMIN, OFFICIAL). */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

    record StartRequest(String type) {}

    private final RunService runs;
    private final AdminActions actions;

    RunController(RunService runs, AdminActions actions) {
        this.runs = runs;
        this.actions = actions;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody StartRequest body, HttpServletRequest request) {
        RunType type = RunType.parse(body == null ? null : body.type());
        String id = actions.startRun(type, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }

    /** The runs, newest first: {@code ?type=incremental&status=FAILED&page=0&size=50}. */
    @GetMapping
    Page<Run> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return runs.list(
                type == null || type.isBlank() ? null : listed(type.strip()),
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT),
                page,
                size);
    }

    /** Any run type, replay included (it is listed, though not started here). */
    private static RunType listed(String type) {
        return Arrays.stream(RunType.values())
                .filter(t -> t.id().equalsIgnoreCase(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown run type '" + type
                        + "' (known: "
                        + Arrays.stream(RunType.values()).map(RunType::id).toList() + ")"));
    }

    @GetMapping("/{id}")
    ResponseEntity<Run> get(@PathVariable String id) {
        return ResponseEntity.of(runs.find(id));
    }
}

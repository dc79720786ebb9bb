package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.audit.AuditLog.Action;
import vn.dvcsync.cluster.Schedules;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * The schedules (ADMIN): list them with previous and next firing (Vietnam time), paused or not and which instance
 * fired last; pause, resume (on every instance), run now (a run of the schedule's type, at once, on this instance).
 * Every action is audited.
 */
@RestController
@RequestMapping("/api/v1/schedules")
class ScheduleApi {

    private final Schedules schedules;
    private final RunService runs;
    private final AuditLog audit;

    ScheduleApi(Schedules schedules, RunService runs, AuditLog audit) {
        this.schedules = schedules;
        this.runs = runs;
        this.audit = audit;
    }

    @GetMapping
    List<Schedules.Schedule> list() {
        return schedules.list();
    }

    @GetMapping("/{name}")
    ResponseEntity<Schedules.Schedule> get(@PathVariable String name) {
        return ResponseEntity.of(schedules.find(name));
    }

    @PostMapping("/{name}/pause")
    Schedules.Schedule pause(@PathVariable String name, HttpServletRequest request) {
        Schedules.Schedule s = schedules.pause(name);
        audit.record(request, Action.SCHEDULE_PAUSED, name, Map.of());
        return s;
    }

    @PostMapping("/{name}/resume")
    Schedules.Schedule resume(@PathVariable String name, HttpServletRequest request) {
        Schedules.Schedule s = schedules.resume(name);
        audit.record(
                request,
                Action.SCHEDULE_RESUMED,
                name,
                s.nextFire() == null
                        ? Map.of()
                        : Map.of("nextFire", s.nextFire().toString()));
        return s;
    }

    /** {@code 202 {"id": "<run-id>"}}: a run of the schedule's type started now; 409 while another run is going. */
    @PostMapping("/{name}/run")
    ResponseEntity<Map<String, String>> runNow(@PathVariable String name, HttpServletRequest request) {
        if (schedules.find(name).isEmpty()) {
            throw new Schedules.UnknownScheduleException(name);
        }
        String id = runs.start(RunType.parse(name));
        audit.record(request, Action.SCHEDULE_RUN_NOW, name, Map.of("run", id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }
}

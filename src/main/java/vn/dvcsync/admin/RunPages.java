package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvcsync.api.AdminActions;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.report.ReportService;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;

/**
 * Lượt chạy: the runs, newest first, each with its summary and (a reconcile or nightly run) its report; the runs in
 * progress on top with their phase, counts and a bar, which htmx refreshes every second from
 * {@code /admin/runs/{id}/progress} (without scripts: reload the page); start a run ({@link AdminActions}, audited).
 */
@Controller
@RequestMapping("/admin/runs")
class RunPages implements AdminPage {

    static final int SIZE = 20;
    static final List<String> STARTABLE = List.of("incremental", "nightly", "reconcile");
    static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED");

    private final RunService runs;
    private final AdminActions actions;
    private final ReportService reports;

    RunPages(RunService runs, AdminActions actions, ReportService reports) {
        this.runs = runs;
        this.actions = actions;
        this.reports = reports;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        RunType t = type == null || type.isBlank() ? null : RunType.valueOf(known(type));
        String s = status == null || status.isBlank() ? null : status.strip();
        Page<Run> found = runs.list(t, s, page, SIZE);
        model.addAttribute(
                "running",
                runs.running().stream()
                        .map(r -> runs.find(r.id()).orElse(r))
                        .map(RunProgress::of)
                        .toList());
        model.addAttribute("runs", found.items().stream().map(RunProgress::of).toList());
        model.addAttribute("page", found);
        model.addAttribute("type", t == null ? "" : t.id());
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute(
                "types", List.of(RunType.values()).stream().map(RunType::id).toList());
        model.addAttribute("startable", STARTABLE);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute(
                "base", "/admin/runs?type=" + (t == null ? "" : t.id()) + "&status=" + (s == null ? "" : s) + "&");
        return "admin/runs";
    }

    /** One run's progress, the fragment htmx swaps in (it stops asking once the run is over). */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        Run run = runs.find(id).orElseThrow(() -> new AdminPageModel.NotFound("No run '" + id + "'"));
        model.addAttribute("p", RunProgress.of(run));
        return "admin/runs :: progress";
    }

    /** The run's summary.json as it wrote it (a reconcile or nightly run: its report's). */
    @GetMapping("/{id}/summary.json")
    ResponseEntity<FileSystemResource> summary(@PathVariable String id) {
        Path file = reports.directory(id).resolve(ReportService.SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new AdminPageModel.NotFound("Run " + id + " has no " + ReportService.SUMMARY);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new FileSystemResource(file));
    }

    @PostMapping
    String start(@RequestParam String type, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(
                flash, "/admin/runs", () -> Notice.of("runs.started", actions.startRun(RunType.parse(type), request)));
    }

    private static String known(String type) {
        return List.of(RunType.values()).stream()
                .filter(t -> t.id().equalsIgnoreCase(type.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown run type '" + type + "'"))
                .name();
    }
}

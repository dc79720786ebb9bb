package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lịch: the schedules with their previous and next firing; pause, resume and run now go through {@link ScheduleApi}. */
@Controller
@RequestMapping("/admin/schedules")
class SchedulePages implements AdminPage {

    private final ScheduleApi api;

    SchedulePages(ScheduleApi api) {
        this.api = api;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("schedules", api.list());
        return "admin/schedules";
    }

    @PostMapping("/{name}/pause")
    String pause(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(flash, "/admin/schedules", () -> {
            api.pause(name, request);
            return Notice.of("schedules.paused", name);
        });
    }

    @PostMapping("/{name}/resume")
    String resume(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(flash, "/admin/schedules", () -> {
            api.resume(name, request);
            return Notice.of("schedules.resumed", name);
        });
    }

    /** A run of the schedule's type, now; the runs page follows it. */
    @PostMapping("/{name}/run")
    String runNow(@PathVariable String name, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(flash, "/admin/runs", () -> {
            String id = api.runNow(name, request).getBody().get("id");
            return Notice.of("runs.started", id);
        });
    }
}

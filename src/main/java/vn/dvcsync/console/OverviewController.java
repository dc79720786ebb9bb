package vn.dvcsync.console;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.report.MismatchViews.RunPoint;
import vn.dvcsync.report.Total;

/**
 * Tổng quan: the latest reconcile or nightly run (or {@code ?run=}): its index estimate per group, city beside portal,
 * what its mismatches cost, the units with the most points at stake, and the last 30 runs.
 */
@Controller
class OverviewController {

    static final int HISTORY = 30;
    static final int TOP_UNITS = 10;

    private final ConsoleReports reports;

    OverviewController(ConsoleReports reports) {
        this.reports = reports;
    }

    @GetMapping("/console")
    String overview(@RequestParam(required = false) String run, Authentication user, Model model) {
        RunPoint latest = reports.run(user, run).orElse(null);
        model.addAttribute("run", latest);
        if (latest != null) {
            String id = latest.runId();
            ConsoleReports.Totals totals = reports.totals(user, id);
            List<Total> byCategory = totals.byCategory();
            model.addAttribute("previous", totals.changes().previousRunId());
            model.addAttribute(
                    "groups", reports.index(user, id).map(IndexReport::province).orElse(List.of()));
            model.addAttribute("byCategory", byCategory);
            model.addAttribute(
                    "rows", byCategory.stream().mapToLong(Total::count).sum());
            model.addAttribute(
                    "points",
                    byCategory.stream().mapToDouble(Total::impactPoints).sum());
            model.addAttribute("changes", totals.changes());
            model.addAttribute(
                    "topUnits",
                    totals.byUnit().stream()
                            .filter(t -> t.count() > 0)
                            .limit(TOP_UNITS)
                            .toList());
            model.addAttribute("history", reports.history(user, HISTORY, null));
        }
        return "console/overview";
    }
}

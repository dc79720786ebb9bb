package vn.dvcsync.console;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvcsync.index.GroupScore;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchViews.RecordToFix;
import vn.dvcsync.report.MismatchViews.RunPoint;
import vn.dvcsync.report.Total;

/**
 * Đơn vị: one unit in the latest run (or {@code ?run=}): its points at stake, its counts by category, the records to
 * fix first ("fix these N records to gain X points"), its index estimate and its trend over the last 30 runs.
 */
@Controller
class UnitController {

    static final int TO_FIX = 50;

    private final ConsoleReports reports;

    UnitController(ConsoleReports reports) {
        this.reports = reports;
    }

    @GetMapping("/console/units/{code}")
    String unit(
            @PathVariable String code, @RequestParam(required = false) String run, Authentication user, Model model) {
        RunPoint latest = reports.run(user, run).orElse(null);
        model.addAttribute("run", latest);
        model.addAttribute("code", code);
        model.addAttribute("name", code);
        if (latest != null) {
            String id = latest.runId();
            List<Total> byCategory = reports.totals(user, id, MismatchStore.By.UNIT_AND_CATEGORY).stream()
                    .filter(t -> code.equals(t.unitCode()))
                    .toList();
            byCategory.stream()
                    .map(Total::unitName)
                    .filter(n -> n != null && !n.isEmpty())
                    .findFirst()
                    .ifPresent(n -> model.addAttribute("name", n));
            List<GroupScore> groups = reports.index(user, id).map(IndexReport::units).orElse(List.of()).stream()
                    .filter(u -> code.equals(u.unitCode()))
                    .findFirst()
                    .map(IndexReport.UnitIndex::groups)
                    .orElse(List.of());
            List<RecordToFix> toFix = reports.toFix(user, id, code, TO_FIX);
            model.addAttribute("previous", reports.previousRun(user, id).orElse(null));
            model.addAttribute("byCategory", byCategory);
            model.addAttribute(
                    "rows", byCategory.stream().mapToLong(Total::count).sum());
            model.addAttribute(
                    "points",
                    byCategory.stream().mapToDouble(Total::impactPoints).sum());
            model.addAttribute("groups", groups);
            model.addAttribute("toFix", toFix);
            model.addAttribute(
                    "toFixPoints",
                    toFix.stream().mapToDouble(RecordToFix::impactPoints).sum());
            model.addAttribute("history", reports.history(user, OverviewController.HISTORY, code));
        }
        return "console/unit";
    }
}

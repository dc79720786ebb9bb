package vn.dvcsync.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.report.MismatchFilter;
import vn.dvcsync.report.MismatchRow;
import vn.dvcsync.report.MismatchViews.RunPoint;

/**
 * Thủ tục: the publicity group's procedures in the latest run (or {@code ?run=}): not public on the portal, public
 * late (by how many days: the portal's {@code NgayCongKhai} after the city's deadline), unknown to the portal; each
 * list largest impact first.
 */
@Controller
class ProceduresController {

    static final int SHOWN = 200;
    static final List<String> CATEGORIES = List.of(
            Category.PROCEDURE_NOT_PUBLIC.name(),
            Category.PROCEDURE_PUBLIC_LATE.name(),
            Category.PROCEDURE_UNKNOWN.name());

    private final ConsoleReports reports;

    ProceduresController(ConsoleReports reports) {
        this.reports = reports;
    }

    /** A procedure's row, with the days it was made public late (null when not known or not late). */
    record ProcedureRow(MismatchRow row, Long daysLate) {}

    @GetMapping("/console/procedures")
    String procedures(@RequestParam(required = false) String run, Authentication user, Model model) {
        RunPoint latest = reports.run(user, run).orElse(null);
        model.addAttribute("run", latest);
        if (latest != null) {
            String id = latest.runId();
            Map<String, Page<MismatchRow>> pages = new LinkedHashMap<>();
            Map<String, List<ProcedureRow>> rows = new LinkedHashMap<>();
            for (String category : CATEGORIES) {
                Page<MismatchRow> page =
                        reports.mismatches(user, id, new MismatchFilter(null, category, null, null), 0, SHOWN);
                pages.put(category, page);
                rows.put(
                        category,
                        page.items().stream()
                                .map(r -> new ProcedureRow(r, daysLate(r.cityValue(), r.portalValue())))
                                .toList());
            }
            model.addAttribute("previous", reports.previousRun(user, id).orElse(null));
            model.addAttribute("pages", pages);
            model.addAttribute("rows", rows);
        }
        return "console/procedures";
    }

    /** Days from the city's deadline to the portal's {@code NgayCongKhai}, both {@code yyyyMMdd}; null if unknown. */
    static Long daysLate(String deadline, String publicSince) {
        try {
            LocalDate due = LocalDate.parse(deadline == null ? "" : deadline.strip(), DateTimeFormatter.BASIC_ISO_DATE);
            LocalDate since =
                    LocalDate.parse(publicSince == null ? "" : publicSince.strip(), DateTimeFormatter.BASIC_ISO_DATE);
            long days = ChronoUnit.DAYS.between(due, since);
            return days > 0 ? days : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

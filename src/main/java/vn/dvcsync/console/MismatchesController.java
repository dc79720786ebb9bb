package vn.dvcsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.audit.AuditLog.Action;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.report.MismatchFilter;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchViews.RunPoint;

/**
 * Sai lệch: a run's mismatches filtered by unit, category, field and change (NEW or PERSISTING), largest impact first,
 * paged on the server; the filtered view exported as CSV (the contract's columns) or XLSX; the rows resolved since the
 * previous run. Every export goes to the audit log with its filter.
 */
@Controller
class MismatchesController {

    static final int PAGE_SIZE = 50;
    static final int RESOLVED_SHOWN = 20;

    private final ConsoleReports reports;
    private final AuditLog audit;

    MismatchesController(ConsoleReports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/console/mismatches")
    String mismatches(
            @RequestParam(required = false) String run,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String change,
            @RequestParam(defaultValue = "0") int page,
            Authentication user,
            Model model) {
        MismatchFilter filter = filter(unit, category, field, change);
        RunPoint latest = reports.run(user, run).orElse(null);
        model.addAttribute("run", latest);
        model.addAttribute("filter", filter);
        model.addAttribute("changes", ConsoleModel.CHANGES);
        if (latest != null) {
            String id = latest.runId();
            model.addAttribute("previous", reports.previousRun(user, id).orElse(null));
            model.addAttribute("units", reports.totals(user, id, MismatchStore.By.UNIT));
            model.addAttribute("fields", reports.fields(user, id));
            model.addAttribute("rows", reports.mismatches(user, id, filter, Math.max(page, 0), PAGE_SIZE));
            model.addAttribute("resolved", reports.resolved(user, id, filter, 0, RESOLVED_SHOWN));
            model.addAttribute("links", new MismatchLinks(id, filter));
        }
        return "console/mismatches";
    }

    /** The filtered view as the CSV report (the contract's columns) or the officials' XLSX; audited. */
    @GetMapping("/console/mismatches.{format:csv|xlsx}")
    void export(
            @PathVariable String format,
            @RequestParam(required = false) String run,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String change,
            Authentication user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        MismatchFilter filter = filter(unit, category, field, change);
        String id = reported(user, run);
        boolean csv = format.equals("csv");
        audit.record(request, Action.REPORT_EXPORTED, id, details(format, filter));
        try (OutputStream out = attachment(
                response,
                csv ? "text/csv;charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                name(id, filter) + "." + format)) {
            if (csv) {
                reports.csv(user, id, filter, out);
            } else {
                reports.xlsx(user, id, filter, out);
            }
        }
    }

    private String reported(Authentication user, String run) {
        return reports.run(user, run)
                .map(RunPoint::runId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        run == null || run.isBlank()
                                ? "No reconcile or nightly run has succeeded yet"
                                : "No reconcile or nightly run " + run));
    }

    static MismatchFilter filter(String unit, String category, String field, String change) {
        if (category != null && !category.isBlank() && !Category.known(category.strip())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Unknown category '" + category + "' (known: " + String.join(", ", Category.names()) + ")");
        }
        try {
            return new MismatchFilter(unit, category, field, change);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static Map<String, Object> details(String format, MismatchFilter filter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("view", "console");
        if (filter.unit() != null) {
            details.put("unit", filter.unit());
        }
        if (filter.category() != null) {
            details.put("category", filter.category());
        }
        if (filter.field() != null) {
            details.put("field", filter.field());
        }
        if (filter.change() != null) {
            details.put("change", filter.change());
        }
        return details;
    }

    private static String name(String runId, MismatchFilter filter) {
        StringBuilder name = new StringBuilder("mismatches-").append(runId);
        for (String part : new String[] {filter.unit(), filter.category(), filter.field(), filter.change()}) {
            if (part != null) {
                name.append('-').append(part.replaceAll("[^A-Za-z0-9._]", "_"));
            }
        }
        return name.toString();
    }

    private static OutputStream attachment(HttpServletResponse response, String type, String fileName)
            throws IOException {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return response.getOutputStream();
    }
}

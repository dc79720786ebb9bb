package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.audit.AuditLog.Action;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.UnitScope;
import vn.dvcsync.report.MismatchRow;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.NoComparisonException;
import vn.dvcsync.report.ReportService;

/**
 * A run's mismatches (page by page, or the whole report as CSV or XLSX) and its index estimate;
 * {@code {id}} may be {@code latest}: the latest reconcile or nightly run that succeeded.
 *
 * <p>Each answer holds the rows of the caller's units only ({@link UnitScope}, applied by the store and the reports
 * below); asking for another unit's rows is 403.
 */
@RestController
@RequestMapping("/api/v1/runs/{id}")
class MismatchController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MismatchStore store;
    private final IndexEstimates estimates;
    private final ReportService reports;
    private final AuditLog audit;

    MismatchController(MismatchStore store, IndexEstimates estimates, ReportService reports, AuditLog audit) {
        this.store = store;
        this.estimates = estimates;
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/mismatches")
    Page<MismatchRow> mismatches(
            @PathVariable String id,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (category != null && !category.isBlank() && !Category.known(category.strip())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Unknown category '" + category + "' (known: " + String.join(", ", Category.names()) + ")");
        }
        try {
            Page.check(page, size);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return store.find(run(id), category, unit, page, size);
    }

    /** The whole report as CSV; every export goes to the audit log (who took the report, from where). */
    @GetMapping("/mismatches.csv")
    ResponseEntity<Resource> csv(@PathVariable String id, HttpServletRequest request) {
        String runId = run(id);
        Path file = reports.csv(runId);
        audit.record(request, Action.REPORT_EXPORTED, runId, exported("csv"));
        return file(file, CSV, "mismatches-" + runId + ".csv");
    }

    @GetMapping("/mismatches.xlsx")
    ResponseEntity<Resource> xlsx(@PathVariable String id, HttpServletRequest request) {
        String runId = run(id);
        Path file = reports.xlsx(runId);
        audit.record(request, Action.REPORT_EXPORTED, runId, exported("xlsx"));
        return file(file, XLSX, "mismatches-" + runId + ".xlsx");
    }

    @GetMapping("/index")
    IndexReport index(@PathVariable String id) {
        String runId = run(id);
        return estimates
                .of(runId)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "Run " + runId + " has no index estimate"));
    }

    /** What the audit log says of an export: its format, and the units when the caller is bound to some. */
    private static Map<String, Object> exported(String format) {
        UnitScope scope = UnitScope.current();
        return scope.all() ? Map.of("format", format) : Map.of("format", format, "units", List.copyOf(scope.units()));
    }

    private String run(String id) {
        return store.resolveRun(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "latest".equals(id) ? "No reconcile or nightly run has succeeded yet" : "No run " + id));
    }

    private static ResponseEntity<Resource> file(Path file, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    @ExceptionHandler(NoComparisonException.class)
    ResponseEntity<Map<String, String>> noComparison(NoComparisonException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(UnitScope.OutOfScope.class)
    ResponseEntity<Map<String, String>> outOfScope(UnitScope.OutOfScope e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> error(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Map.of("error", String.valueOf(e.getReason())));
    }
}

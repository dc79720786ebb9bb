package vn.dvcsync.admin;

import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.kernel.Page;

/**
 * The audit log (ADMIN), newest first:
 * {@code ?actor=<user>&action=<ACTION>&target=<piece>&from=<ISO time>&to=<ISO time>&page=0&size=50}.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    Page<AuditLog.Entry> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        return audit.list(
                new AuditLog.Filter(
                        actor,
                        action == null || action.isBlank() ? null : AuditLog.Action.parse(action),
                        target,
                        from,
                        to),
                page,
                size);
    }
}

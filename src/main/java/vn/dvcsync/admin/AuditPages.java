package vn.dvcsync.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.Vietnam;

/**
 * Nhật ký: the audit log, newest first, filtered by who, what, a piece of the target and days (Vietnam time, the
 * {@code to} day included). Reads {@link AuditApi}.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPages implements AdminPage {

    static final int SIZE = 50;

    private final AuditApi api;

    AuditPages(AuditApi api) {
        this.api = api;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        OffsetDateTime start =
                from == null ? null : from.atStartOfDay(Vietnam.ZONE).toOffsetDateTime();
        OffsetDateTime end =
                to == null ? null : to.plusDays(1).atStartOfDay(Vietnam.ZONE).toOffsetDateTime();
        Page<AuditLog.Entry> entries = api.list(actor, action, target, start, end, page, SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("target", target == null ? "" : target);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute(
                "actions",
                Arrays.stream(AuditLog.Action.values()).map(Enum::name).toList());
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/audit")
                .queryParam("actor", model.getAttribute("actor"))
                .queryParam("action", model.getAttribute("action"))
                .queryParam("target", model.getAttribute("target"))
                .queryParam("from", from == null ? "" : from.toString())
                .queryParam("to", to == null ? "" : to.toString());
        model.addAttribute("base", base.encode().build().toUriString() + "&");
        return "admin/audit";
    }
}

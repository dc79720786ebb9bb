package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvcsync.api.AdminActions;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.ledger.DeadLetters;
import vn.dvcsync.ledger.DeadLetters.Filter;

/**
 * Thư lỗi: the dead letters, filtered by type, unit and a piece of the error; replay or acknowledge (with a reason)
 * the ones ticked ({@code scope=selected}) or all that match the filter ({@code scope=matching}), through
 * {@link AdminActions} as the API does (audited). The latest acknowledged ones are listed below, with who and why.
 */
@Controller
@RequestMapping("/admin/dead-letters")
class DeadLetterPages implements AdminPage {

    static final int SIZE = 50;
    static final int ACKNOWLEDGED = 10;

    private final DeadLetters deadLetters;
    private final AdminActions actions;

    DeadLetterPages(DeadLetters deadLetters, AdminActions actions) {
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page.check(page, SIZE);
        Filter filter = AdminActions.filter(type, unit, error);
        model.addAttribute("letters", deadLetters.list(filter, page, SIZE));
        model.addAttribute("acknowledged", deadLetters.acknowledged(filter, 0, ACKNOWLEDGED));
        model.addAttribute("type", filter.type() == null ? "" : filter.type());
        model.addAttribute("unit", filter.unit() == null ? "" : filter.unit());
        model.addAttribute("error", filter.error() == null ? "" : filter.error());
        model.addAttribute(
                "base",
                back(filter) + (filter.type() == null && filter.unit() == null && filter.error() == null ? "?" : "&"));
        return "admin/dead-letters";
    }

    @PostMapping("/replay")
    String replay(
            @RequestParam String scope,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            RedirectAttributes flash)
            throws Exception {
        Filter filter = AdminActions.filter(type, unit, error);
        return AdminPage.act(
                flash,
                back(filter),
                () -> Notice.of("deadLetters.replayed", actions.replay(selection(scope, filter, ids), request)));
    }

    @PostMapping("/acknowledge")
    String acknowledge(
            @RequestParam String scope,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            RedirectAttributes flash)
            throws Exception {
        Filter filter = AdminActions.filter(type, unit, error);
        return AdminPage.act(
                flash,
                back(filter),
                () -> Notice.of(
                        "deadLetters.acknowledged",
                        actions.acknowledge(selection(scope, filter, ids), reason, request)));
    }

    /** The ticked dead letters (within the filter), or all that match it. */
    private static Filter selection(String scope, Filter filter, List<Long> ids) {
        return switch (scope) {
            case "selected" -> {
                if (ids == null || ids.isEmpty()) {
                    throw new IllegalArgumentException("no dead letter is ticked");
                }
                yield AdminActions.only(filter, ids);
            }
            case "matching" -> filter;
            default -> throw new IllegalArgumentException("scope must be selected or matching, not '" + scope + "'");
        };
    }

    private static String back(Filter filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/dead-letters");
        if (filter.type() != null) {
            uri.queryParam("type", filter.type());
        }
        if (filter.unit() != null) {
            uri.queryParam("unit", filter.unit());
        }
        if (filter.error() != null) {
            uri.queryParam("error", filter.error());
        }
        return uri.encode().build().toUriString();
    }
}

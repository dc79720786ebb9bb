package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tuyến: the Camel routes with their state and statistics ({@link Routes}); suspending or resuming one asks for a
 * confirmation on a page of its own (no script needed), then goes through {@link RouteApi}, which audits it.
 */
@Controller
@RequestMapping("/admin/routes")
class RoutePages implements AdminPage {

    private final RouteApi api;

    RoutePages(RouteApi api) {
        this.api = api;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("routes", api.list());
        return "admin/routes";
    }

    /** The confirmation of {@code suspend} or {@code resume}. */
    @GetMapping("/{id}/{action:suspend|resume}")
    String confirm(@PathVariable String id, @PathVariable String action, Model model) {
        Routes.RouteView route = api.get(id).getBody();
        if (route == null) {
            throw new Routes.UnknownRouteException(id);
        }
        model.addAttribute("route", route);
        model.addAttribute("action", action);
        return "admin/route-confirm";
    }

    @PostMapping("/{id}/suspend")
    String suspend(@PathVariable String id, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(
                flash,
                "/admin/routes",
                () -> Notice.of("routes.suspended", id, api.suspend(id, request).state()));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable String id, HttpServletRequest request, RedirectAttributes flash) throws Exception {
        return AdminPage.act(
                flash,
                "/admin/routes",
                () -> Notice.of("routes.resumed", id, api.resume(id, request).state()));
    }
}

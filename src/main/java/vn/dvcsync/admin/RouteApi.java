package vn.dvcsync.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.audit.AuditLog;
import vn.dvcsync.audit.AuditLog.Action;

/** The Camel routes of this instance (ADMIN): list them, suspend and resume one; both actions are audited. */
@RestController
@RequestMapping("/api/v1/routes")
class RouteApi {

    private final Routes routes;
    private final AuditLog audit;

    RouteApi(Routes routes, AuditLog audit) {
        this.routes = routes;
        this.audit = audit;
    }

    @GetMapping
    List<Routes.RouteView> list() {
        return routes.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<Routes.RouteView> get(@PathVariable String id) {
        return ResponseEntity.of(routes.find(id));
    }

    /** 200 with the route now Suspended; 409 while it has exchanges in flight or is not started. */
    @PostMapping("/{id}/suspend")
    Routes.RouteView suspend(@PathVariable String id, HttpServletRequest request) throws Exception {
        Routes.RouteView route = routes.suspend(id);
        audit.record(request, Action.ROUTE_SUSPENDED, id, Map.of("state", route.state()));
        return route;
    }

    @PostMapping("/{id}/resume")
    Routes.RouteView resume(@PathVariable String id, HttpServletRequest request) throws Exception {
        Routes.RouteView route = routes.resume(id);
        audit.record(request, Action.ROUTE_RESUMED, id, Map.of("state", route.state()));
        return route;
    }
}

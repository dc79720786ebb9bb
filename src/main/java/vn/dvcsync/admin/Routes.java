package vn.dvcsync.admin;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Vietnam;

/**
 * The Camel routes of this instance as an admin watches them — state, exchanges, processing times, the last failure
 * — from Camel's own statistics (JMX management, {@code camel.main.jmx-*}); suspend and resume. A route is suspended
 * on this instance only: its consumer takes nothing new (a suspended schedule route lets its firings pass here,
 * another instance may still run them; pause the schedule to stop it everywhere).
 */
@Component
class Routes {

    /**
     * One route.
     *
     * @param meanMillis  mean processing time of its exchanges, -1 before any
     * @param lastFailure the one-line reason of its last failed exchange, when this instance still knows it
     */
    record RouteView(
            String id,
            String description,
            String from,
            String state,
            long exchangesTotal,
            long exchangesFailed,
            long exchangesInflight,
            long meanMillis,
            long maxMillis,
            OffsetDateTime lastFailureAt,
            String lastFailure) {}

    /** A route that cannot be suspended now. */
    static class RouteBusyException extends RuntimeException {
        RouteBusyException(String message) {
            super(message);
        }
    }

    private final CamelContext camel;
    private final RouteFailures failures;

    Routes(CamelContext camel, RouteFailures failures) {
        this.camel = camel;
        this.failures = failures;
    }

    List<RouteView> list() {
        return camel.getRoutes().stream()
                .map(this::view)
                .sorted(Comparator.comparing(RouteView::id))
                .toList();
    }

    Optional<RouteView> find(String id) {
        return Optional.ofNullable(camel.getRoute(id)).map(this::view);
    }

    /**
     * Suspends a started route. One with exchanges in flight is refused: suspending it would wait for them (a run's
     * whole push) or cut them off.
     */
    RouteView suspend(String id) throws Exception {
        RouteView route = find(id).orElseThrow(() -> new UnknownRouteException(id));
        if (!ServiceStatus.Started.name().equals(route.state())) {
            throw new RouteBusyException("Route " + id + " is " + route.state() + ", not Started");
        }
        if (route.exchangesInflight() > 0) {
            throw new RouteBusyException("Route " + id + " has " + route.exchangesInflight()
                    + " exchanges in flight; suspend it when they are done");
        }
        camel.getRouteController().suspendRoute(id);
        return find(id).orElseThrow();
    }

    /** Resumes a suspended (or stopped) route. */
    RouteView resume(String id) throws Exception {
        RouteView route = find(id).orElseThrow(() -> new UnknownRouteException(id));
        if (ServiceStatus.Suspended.name().equals(route.state())) {
            camel.getRouteController().resumeRoute(id);
        } else if (ServiceStatus.Stopped.name().equals(route.state())) {
            camel.getRouteController().startRoute(id);
        }
        return find(id).orElseThrow();
    }

    static class UnknownRouteException extends RuntimeException {
        UnknownRouteException(String id) {
            super("No route '" + id + "'");
        }
    }

    private RouteView view(Route route) {
        String id = route.getRouteId();
        String state = camel.getRouteController().getRouteStatus(id).name();
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(id);
        if (stats == null) {
            return new RouteView(
                    id,
                    route.getDescription(),
                    route.getEndpoint().getEndpointUri(),
                    state,
                    0,
                    0,
                    0,
                    -1,
                    0,
                    null,
                    null);
        }
        Date failedAt = stats.getLastExchangeFailureTimestamp();
        return new RouteView(
                id,
                route.getDescription(),
                route.getEndpoint().getEndpointUri(),
                state,
                stats.getExchangesTotal(),
                stats.getExchangesFailed(),
                stats.getExchangesInflight(),
                stats.getExchangesTotal() == 0 ? -1 : stats.getMeanProcessingTime(),
                stats.getMaxProcessingTime(),
                failedAt == null
                        ? null
                        : failedAt.toInstant().atZone(Vietnam.ZONE).toOffsetDateTime(),
                failedAt == null ? null : failures.reason(stats.getLastExchangeFailureExchangeId()));
    }
}

package vn.dvcsync.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camel's {@code /actuator/camelroutes/{id}/…} answers 500 for a route that does not exist; this answers 404 naming
 * the route before Camel's endpoint is reached. It runs after the security filters, so only an admin learns it.
 */
@Component
class UnknownCamelRoute extends OncePerRequestFilter {

    private static final Pattern ROUTE = Pattern.compile("/actuator/camelroutes/([^/]+)/.+");

    private final CamelContext camel;

    UnknownCamelRoute(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher route = ROUTE.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (route.matches() && camel.getRoute(route.group(1)) == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String id = route.group(1).replaceAll("[^A-Za-z0-9._-]", "?");
            response.getWriter().write("{\"error\":\"no route with id " + id + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}

package vn.dvcsync.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a request that changes something (any method but GET, HEAD, OPTIONS, TRACE) sent by a browser on
 * behalf of another site: {@code Sec-Fetch-Site} {@code cross-site} or {@code same-site} (every current browser sends
 * it), or, from a browser without it, an {@code Origin} that is not the gateway's own. It holds whatever the login:
 * the CSRF token guards the web login's session, this also guards HTTP Basic credentials a browser might hold and
 * send along with another site's form. Scripts and command-line clients send neither header and are not affected.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequests.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            log.warn(
                    "Refused a {} {} sent from another site (Origin {}, Sec-Fetch-Site {}) from {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    printable(request.getHeader("Origin")),
                    printable(request.getHeader("Sec-Fetch-Site")),
                    request.getRemoteAddr());
            LoginRefusals.json(response, HttpStatus.FORBIDDEN, "Refused: a request from another site");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null": a sandboxed page, a file, a redirect across sites
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme.equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String printable(String header) {
        return header == null ? "-" : ThrottledLogins.printable(header);
    }
}

package vn.dvcsync.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What a caller without a valid login gets: 401 with a JSON error, and no {@code WWW-Authenticate} challenge — a
 * browser never asks for Basic credentials, so it never holds any to send along with another site's form; a
 * throttled login is 429 with {@code Retry-After}. A throttled web form login is 429 too; another failed one goes back
 * to the login page.
 */
final class LoginRefusals implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final AuthenticationFailureHandler loginPage = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!refusedAsThrottled(response, e)) {
            json(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Login required (HTTP Basic, sent with the request, or the web login)");
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (!refusedAsThrottled(response, e)) {
            loginPage.onAuthenticationFailure(request, response, e);
        }
    }

    private static boolean refusedAsThrottled(HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof ThrottledLogins.LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            json(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
            return true;
        }
        return false;
    }

    /** A JSON error written directly (an error dispatch would go through the login checks again). */
    static void json(HttpServletResponse response, HttpStatus status, String error) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + escape(error) + "\"}");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

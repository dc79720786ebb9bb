package vn.dvcsync.api;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every login (web form and HTTP Basic) goes through here: refused at once while its user or address is locked
 * ({@link LoginThrottle}), else checked; failures are logged with the user name and the remote address (never the
 * password) and counted.
 */
final class ThrottledLogins implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogins.class);

    /** A login refused without checking its password, because of earlier failures. */
    static final class LoginThrottledException extends AuthenticationException {

        private final transient Duration retryAfter;

        LoginThrottledException(Duration retryAfter) {
            super("Too many failed logins: try again in " + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return seconds(retryAfter);
        }
    }

    private final AuthenticationManager delegate;
    private final LoginThrottle throttle;

    ThrottledLogins(AuthenticationManager delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        String address =
                login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        Optional<Duration> locked = throttle.locked(user, address);
        if (locked.isPresent()) {
            log.warn(
                    "Login refused for user '{}' from {}: too many failed logins, locked for {} s more",
                    printable(user),
                    address,
                    seconds(locked.get()));
            throw new LoginThrottledException(locked.get());
        }
        try {
            Authentication done = delegate.authenticate(login);
            throttle.succeeded(user, address);
            return done;
        } catch (AuthenticationException e) {
            LoginThrottle.Failure failure = throttle.failed(user, address);
            log.warn(
                    "Login failed for user '{}' from {} ({}; {} failure(s) of this user in the window){}",
                    printable(user),
                    address,
                    e.getClass().getSimpleName(),
                    failure.userFailures(),
                    failure.lock()
                            .map(d -> ": logins for this user and from this address refused for " + seconds(d) + " s")
                            .orElse(""));
            throw e;
        }
    }

    /** A user name as typed, safe for one log line: control characters replaced, at most 64 characters. */
    static String printable(String user) {
        if (user == null) {
            return "";
        }
        String cut = user.length() > 64 ? user.substring(0, 64) + "…" : user;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}

package vn.dvcsync.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Portal sessions: opened by {@code /auth}, valid for the TTL and, if a knob says so, for N calls only. */
final class PortalSessions {

    private record Session(Instant expiresAt, AtomicInteger calls) {}

    private final Clock clock;
    private final PortalKnobs knobs;
    private final String username;
    private final String password;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    PortalSessions(Clock clock, PortalKnobs knobs, String username, String password) {
        this.clock = clock;
        this.knobs = knobs;
        this.username = username;
        this.password = password;
    }

    /** Opens a session lasting the TTL knob when the credentials are right; returns its token. */
    Optional<String> login(String user, String pass) {
        if (!username.equals(user) || !password.equals(pass)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !now.isBefore(session.expiresAt()));
        String token = UUID.randomUUID().toString();
        sessions.put(token, new Session(now.plusSeconds(knobs.sessionTtlSeconds()), new AtomicInteger()));
        return Optional.of(token);
    }

    /**
     * Counts one call on the session.
     *
     * @return false when the token is unknown, expired, or has used up its calls (it is then forgotten)
     */
    boolean use(String token) {
        Session session = token == null ? null : sessions.get(token);
        if (session == null) {
            return false;
        }
        int limit = knobs.sessionExpiresEveryCalls();
        if (!clock.instant().isBefore(session.expiresAt())
                || (limit > 0 && session.calls().incrementAndGet() > limit)) {
            sessions.remove(token);
            return false;
        }
        return true;
    }
}

package vn.dvcsync.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of an external system from what the gateway's own calls to it came to ({@link CallMeters}) and, for the
 * portal, its circuit breaker: no call of its own, so a probe costs nothing and counts against no rate limit.
 *
 * <ul>
 *   <li>DOWN: the breaker is open, or the last call failed (no answer, 5xx, unreadable) and none succeeded since;
 *   <li>UNKNOWN: no call yet since start-up;
 *   <li>UP: otherwise (a 429 is an answer: the system is there).
 * </ul>
 */
public final class CallHealth {

    private CallHealth() {}

    /**
     * @param breaker the circuit breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}…); null: none
     */
    public static Health of(CallMeters meters, String breaker) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (breaker != null) {
            details.put("circuitBreaker", breaker);
        }
        meters.last().ifPresent(c -> details.put("lastCall", describe(c)));
        meters.lastOk().ifPresent(c -> details.put("lastAnswered", c.at().toString()));
        meters.lastFailed().ifPresent(c -> details.put("lastFailure", describe(c)));
        Health.Builder health;
        if (breaker != null && breaker.contains("OPEN") && !breaker.equals("HALF_OPEN")) {
            health = Health.down();
        } else if (meters.last().isEmpty()) {
            health = Health.unknown().withDetail("reason", "no call to the " + meters.system() + " since start-up");
        } else if (meters.last().get().failed()
                && !CallMeters.TOO_MANY_REQUESTS.equals(meters.last().get().outcome())) {
            health = Health.down();
        } else {
            health = Health.up();
        }
        return health.withDetails(details).build();
    }

    private static Map<String, Object> describe(CallMeters.Call call) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service", call.service());
        d.put("outcome", call.outcome());
        d.put("at", call.at().toString());
        return d;
    }
}

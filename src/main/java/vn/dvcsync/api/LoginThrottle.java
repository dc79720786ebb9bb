package vn.dvcsync.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins, per user name and per remote address: after {@code max-failures} within {@code window} the name (or
 * the address) is locked for {@code lock}; it lifts by itself, and after the next {@code max-failures} failures the
 * lock lasts twice as long as the one before (up to {@code max-lock}; after {@code max-lock} without a failure locks
 * start short again): a guesser gets a few guesses an hour. A successful login forgets its name's and address's
 * failures. Attempts
 * refused while locked are not counted: they neither lengthen a lock nor need the password checked. Thread-safe.
 *
 * <p>Memory is bounded: at most {@value #MAX_ENTRIES} names and as many addresses are remembered; past that, the
 * entries that are not locked go first (a flood of names cannot push a locked one out).
 */
final class LoginThrottle {

    static final int MAX_ENTRIES = 10_000;

    private final SecurityProperties.Login settings;
    private final Clock clock;
    private final Map<String, Failures> byUser = new LinkedHashMap<>();
    private final Map<String, Failures> byAddress = new LinkedHashMap<>();

    LoginThrottle(SecurityProperties.Login settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long logins for this user or from this address are still refused; empty: not locked. */
    synchronized Optional<Duration> locked(String user, String address) {
        Instant now = clock.instant();
        Duration left = max(remaining(byUser.get(key(user)), now), remaining(byAddress.get(address), now));
        return left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /**
     * What one failed login did.
     *
     * @param userFailures the user's failures within the window, this one included
     * @param lock         the lock it started (for the user, the address or both), or empty
     */
    record Failure(int userFailures, Optional<Duration> lock) {}

    /** Counts a failed login. */
    synchronized Failure failed(String user, String address) {
        Instant now = clock.instant();
        Failures f = failures(byUser, key(user), now);
        int userFailures = f.times.size() + 1;
        Duration lock = max(count(f, now), count(failures(byAddress, address, now), now));
        return new Failure(userFailures, lock.isZero() ? Optional.empty() : Optional.of(lock));
    }

    synchronized void succeeded(String user, String address) {
        byUser.remove(key(user));
        byAddress.remove(address);
    }

    /** The failures kept for this key, those older than the window forgotten. */
    private Failures failures(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        if (f == null) {
            if (map.size() >= MAX_ENTRIES) {
                evict(map, now);
            }
            f = new Failures();
            map.put(key, f);
        }
        return f.forgetBefore(now.minus(settings.window()));
    }

    /** Adds a failure; the lock it starts, or zero. */
    private Duration count(Failures f, Instant now) {
        if (f.lastFailure.isBefore(now.minus(settings.maxLock()))) {
            f.locks = 0; // quiet for longer than the longest lock: start afresh
        }
        f.times.addLast(now);
        f.lastFailure = now;
        if (f.times.size() < settings.maxFailures()) {
            return Duration.ZERO;
        }
        Duration lock = settings.lock().multipliedBy(1L << Math.min(20, f.locks));
        if (lock.compareTo(settings.maxLock()) > 0) {
            lock = settings.maxLock();
        }
        f.locks++;
        f.lockedUntil = now.plus(lock);
        f.times.clear(); // the next lock takes max-failures new failures
        return lock;
    }

    /** Forgets entries neither locked nor with failures in the window; then, if still full, the oldest unlocked ones. */
    private void evict(Map<String, Failures> map, Instant now) {
        Instant windowStart = now.minus(settings.window());
        map.values()
                .removeIf(
                        f -> !f.locked(now) && f.forgetBefore(windowStart).times.isEmpty());
        for (Iterator<Failures> it = map.values().iterator(); map.size() >= MAX_ENTRIES && it.hasNext(); ) {
            if (!it.next().locked(now)) {
                it.remove();
            }
        }
    }

    private static Duration remaining(Failures f, Instant now) {
        return f == null || !f.locked(now) ? Duration.ZERO : Duration.between(now, f.lockedUntil);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User names are case-insensitive, as the accounts are. */
    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure = Instant.MIN;
        int locks;

        boolean locked(Instant now) {
            return now.isBefore(lockedUntil);
        }

        Failures forgetBefore(Instant start) {
            while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
                times.removeFirst();
            }
            return this;
        }
    }
}

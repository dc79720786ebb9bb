package vn.dvcsync.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter. The delay after the n-th failed attempt is
 * {@code initialDelay × multiplier^(n−1)}, capped at {@code maxDelay}, then drawn at random
 * between half of that and all of it (so concurrent callers spread out, and never exceed the cap).
 */
public final class Backoff {

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    public Backoff(Duration initialDelay, double multiplier, Duration maxDelay) {
        this(
                initialDelay,
                multiplier,
                maxDelay,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in {@code [0, 1)}; the jitter source */
    Backoff(Duration initialDelay, double multiplier, Duration maxDelay, DoubleSupplier random) {
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative() || multiplier < 1.0) {
            throw new IllegalArgumentException("back-off needs delays >= 0 and a multiplier >= 1");
        }
        this.multiplier = multiplier;
        this.random = random;
    }

    /** The delay before retrying after failed attempt {@code attempt} (1 = the first try failed). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        double capMillis = maxDelay.toMillis();
        double millis = Math.min(capMillis, initialDelay.toMillis() * Math.pow(multiplier, attempt - 1));
        double jittered = millis / 2 + random.getAsDouble() * millis / 2;
        return Duration.ofMillis(Math.round(Math.min(capMillis, jittered)));
    }

    /** The cap of one delay, also the cap of an honoured {@code Retry-After}. */
    public Duration maxDelay() {
        return maxDelay;
    }
}

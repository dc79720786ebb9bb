package vn.dvcsync.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token bucket per key (a session, or one key for a whole service): {@code rate} calls a second,
 * bursts up to one second's worth.
 */
final class RateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one call from the key's bucket.
     *
     * @param ratePerSecond calls a second; 0 or less: unlimited
     * @return 0 when the call is allowed, otherwise the seconds to wait before the next one (at least 1)
     */
    long acquire(String key, int ratePerSecond) {
        if (ratePerSecond <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now, ratePerSecond));
        synchronized (bucket) {
            double elapsedSeconds = Math.max(0, now - bucket.lastNanos) / 1e9;
            bucket.tokens = Math.min(ratePerSecond, bucket.tokens + elapsedSeconds * ratePerSecond);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1.0) {
                bucket.tokens -= 1.0;
                return 0;
            }
            return Math.max(1L, (long) Math.ceil((1.0 - bucket.tokens) / ratePerSecond));
        }
    }

    void forget(String key) {
        buckets.remove(key);
    }

    private static final class Bucket {
        private long lastNanos;
        private double tokens;

        private Bucket(long lastNanos, double tokens) {
            this.lastNanos = lastNanos;
            this.tokens = tokens;
        }
    }
}

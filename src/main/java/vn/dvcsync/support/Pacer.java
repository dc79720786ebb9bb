package vn.dvcsync.support;

import java.util.concurrent.TimeUnit;

/**
 * Client-side rate limit: at most {@code ratePerSecond} permits a second, evenly spaced
 * (no bursts). Thread-safe; {@link #acquire()} blocks until the caller's slot has come.
 * A rate of zero or less means unlimited.
 */
public final class Pacer {

    private final long intervalNanos;
    private long nextSlot = Long.MIN_VALUE;

    public Pacer(double ratePerSecond) {
        this.intervalNanos = ratePerSecond <= 0 ? 0 : Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
    }

    /** Waits for the next free slot and takes it. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = nextSlot == Long.MIN_VALUE || nextSlot - now < 0 ? now : nextSlot;
            nextSlot = slot + intervalNanos;
            waitNanos = slot - now;
        }
        Sleeper.sleepNanos(waitNanos);
    }
}

package vn.dvcsync.support;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/** Sleeping that turns an interrupt into an unchecked {@link CancellationException} (the flag is kept). */
public final class Sleeper {

    private Sleeper() {}

    public static void sleep(Duration duration) {
        sleepNanos(duration.toNanos());
    }

    static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting");
            cancelled.initCause(e);
            throw cancelled;
        }
    }
}

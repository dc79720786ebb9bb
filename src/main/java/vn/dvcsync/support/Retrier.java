package vn.dvcsync.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Runs one call with up to {@code maxAttempts} attempts. An attempt asks for another by throwing
 * {@link Retry}; the wait is the server's {@code Retry-After} when given (capped by the back-off's
 * maximum), otherwise the back-off. Every retry is logged at WARN with its reason.
 */
public final class Retrier {

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Retry;
    }

    /** Thrown by an attempt that failed in a way worth trying again. */
    public static final class Retry extends Exception {

        private final transient Duration retryAfter;
        private final boolean mayHaveBeenProcessed;

        public Retry(String reason) {
            this(reason, (Duration) null);
        }

        /** @param retryAfter how long the server asked to wait; null: use the back-off */
        public Retry(String reason, Duration retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
            this.mayHaveBeenProcessed = false;
        }

        public Retry(String reason, Throwable cause) {
            this(reason, cause, false);
        }

        /**
         * @param mayHaveBeenProcessed the request may have reached the server and been processed although no
         *                             answer came back (a time-out, a connection lost after sending, a gateway
         *                             error): resending it is safe only if doing it twice is harmless
         */
        public Retry(String reason, Throwable cause, boolean mayHaveBeenProcessed) {
            super(reason, cause, false, false);
            this.retryAfter = null;
            this.mayHaveBeenProcessed = mayHaveBeenProcessed;
        }

        public boolean mayHaveBeenProcessed() {
            return mayHaveBeenProcessed;
        }
    }

    private final Logger log;
    private final String system;
    private final int maxAttempts;
    private final Backoff backoff;
    private final AtomicLong retries = new AtomicLong();
    private final CallMeters meters;

    /**
     * @param log    the client's logger (retries are logged under the client's name)
     * @param system what is called, for the log lines ("portal", "population")
     */
    public Retrier(Logger log, String system, int maxAttempts, Backoff backoff) {
        this(log, system, maxAttempts, backoff, CallMeters.none(system));
    }

    /** @param meters where retries are counted ({@code dvcsync.<system>.retries}) */
    public Retrier(Logger log, String system, int maxAttempts, Backoff backoff, CallMeters meters) {
        this.log = log;
        this.system = system;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.meters = meters;
    }

    /**
     * @param what      the call, for the log lines and the error; also the service its retries are counted under
     * @param exhausted builds the exception thrown when every attempt failed, from the error text
     */
    public <T> T run(String what, Attempt<T> attempt, Function<String, ? extends RuntimeException> exhausted) {
        return run(what, what, attempt, exhausted);
    }

    /**
     * @param what    the call, for the log lines and the error
     * @param service the service its retries are counted under
     */
    public <T> T run(
            String what, String service, Attempt<T> attempt, Function<String, ? extends RuntimeException> exhausted) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (Retry retry) {
                if (n >= maxAttempts) {
                    throw exhausted.apply(system + " " + what + ": gave up after " + n + " attempts; last error: "
                            + retry.getMessage());
                }
                Duration wait = retry.retryAfter != null ? min(retry.retryAfter, backoff.maxDelay()) : backoff.delay(n);
                retries.incrementAndGet();
                meters.retry(service);
                log.warn(
                        "{} {}: attempt {}/{} failed ({}); retrying in {} ms",
                        system,
                        what,
                        n,
                        maxAttempts,
                        retry.getMessage(),
                        wait.toMillis());
                Sleeper.sleep(wait);
            }
        }
    }

    /** Retries made so far (attempts after a first one). */
    public long retries() {
        return retries.get();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

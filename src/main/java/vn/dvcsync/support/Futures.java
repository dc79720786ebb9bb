package vn.dvcsync.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with its failure thrown as the work threw it. */
public final class Futures {

    private Futures() {}

    /**
     * The result of {@code f}, waiting for it; a runtime exception or error of the work is thrown as it is.
     *
     * @param what what the work is, for the message of an interruption or a checked failure
     */
    public static <T> T result(Future<T> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}

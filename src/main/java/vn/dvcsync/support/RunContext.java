package vn.dvcsync.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;
import org.slf4j.MDC;

/**
 * The run id in the logging context ({@link MDC} key {@value #RUN_ID}) of every line a run writes, on whatever thread:
 * the run's own, Camel's parallel multicasts and splits ({@link CamelPools}), the pushers' and the look-ups' pools
 * ({@link #propagating}). A task takes the context of the thread that handed it over.
 */
public final class RunContext {

    /** The MDC key: shown as {@code [<run id>]} in the console pattern, {@code runId} in the JSON forms. */
    public static final String RUN_ID = "runId";

    private RunContext() {}

    /** Puts the run id in this thread's context until closed. */
    public static MDC.MDCCloseable open(String runId) {
        return MDC.putCloseable(RUN_ID, runId);
    }

    /** An executor whose tasks run in the logging context of the thread that submitted them. */
    public static ExecutorService propagating(ExecutorService delegate) {
        return new Propagating(delegate);
    }

    /** The task, to run in the current thread's logging context. */
    static Runnable inContext(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            set(context);
            try {
                task.run();
            } finally {
                set(before);
            }
        };
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** Camel's thread pools (parallel multicasts and splits without an executor of their own), context-propagating. */
    public static final class CamelPools extends DefaultThreadPoolFactory {

        @Override
        public ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
            return propagating(super.newCachedThreadPool(threadFactory));
        }

        @Override
        public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory factory) {
            return propagating(super.newThreadPool(profile, factory));
        }
    }

    private static final class Propagating extends AbstractExecutorService {

        private final ExecutorService delegate;

        Propagating(ExecutorService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(inContext(command));
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}

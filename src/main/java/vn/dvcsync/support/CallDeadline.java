package vn.dvcsync.support;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The deadline of one whole HTTP call: connecting, sending, waiting and reading the reply to its last byte. The
 * client's time-outs hold for one read each, so a server sending a byte every few seconds would keep a call going
 * for ever; at the deadline the call's connection is closed, whatever it is doing, and the reading fails at once.
 *
 * <p>One per call, on the calling thread (the HTTP client runs the call on it): {@link #start(Duration)} before the
 * call, {@link #close()} after it. {@link Configurer} puts the hook into the HTTP client that lets the deadline
 * close the call's connection.
 */
final class CallDeadline implements AutoCloseable {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Duration limit;
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;
    private Runnable dropConnection;

    private CallDeadline(Duration limit) {
        this.limit = limit;
        this.timer = TIMER.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the deadline of a call made on this thread. */
    static CallDeadline start(Duration limit) {
        CallDeadline deadline = new CallDeadline(limit);
        CURRENT.set(deadline);
        return deadline;
    }

    Duration limit() {
        return limit;
    }

    /** Whether the deadline passed (and the call's connection was closed). */
    boolean expired() {
        return expired;
    }

    /** The error of a call cut off by its deadline. */
    ReplyRefusedException error() {
        return new ReplyRefusedException("no complete reply within the call's deadline of " + limit.toMillis() + " ms");
    }

    /** Drops the call's connection now (a reply refused, or left unread). */
    synchronized void dropConnection() {
        if (dropConnection != null) {
            dropConnection.run();
            dropConnection = null;
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
        CURRENT.remove();
    }

    private void expire() {
        expired = true;
        dropConnection();
    }

    private synchronized void onDrop(Runnable drop) {
        dropConnection = drop;
        if (expired) {
            dropConnection();
        }
    }

    /**
     * Adds to the HTTP client the hook that hands each call's connection to its deadline. Public: Camel
     * instantiates it from the endpoint URI ({@code httpClientConfigurer=#class:…}).
     */
    public static final class Configurer implements HttpClientConfigurer {

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            builder.addExecInterceptorFirst("dvcsync-call-deadline", (request, scope, chain) -> {
                CallDeadline deadline = CURRENT.get();
                if (deadline != null) {
                    if (deadline.expired()) {
                        throw new InterruptedIOException("the call's deadline passed before it was sent");
                    }
                    deadline.onDrop(scope.execRuntime::discardEndpoint);
                }
                return chain.proceed(request, scope);
            });
        }
    }
}

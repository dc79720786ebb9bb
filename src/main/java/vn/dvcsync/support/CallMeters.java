package vn.dvcsync.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the calls to one external system ({@code portal}, {@code population}) came to: the counters
 * {@code dvcsync.<system>.calls} (one per HTTP request, by service and outcome) and {@code dvcsync.<system>.retries}
 * (attempts after a first one, by service), and the last call and the last failed one for the health indicators,
 * which make no call of their own. Thread-safe.
 */
public final class CallMeters {

    /** A request that got an answer the gateway could use (the portal's codes other than 9, a SOAP answer). */
    public static final String OK = "ok";
    /** HTTP 429. */
    public static final String TOO_MANY_REQUESTS = "too_many_requests";
    /** HTTP 5xx or 408, a server fault, the portal's {@code error_code 9}: the service is there but failing. */
    public static final String UNAVAILABLE = "unavailable";
    /** No answer: refused connection, unknown host, time-out, connection lost. */
    public static final String NO_REPLY = "no_reply";
    /** An answer that cannot be read. */
    public static final String UNREADABLE = "unreadable";
    /** A request the service refused (any other 4xx, a client fault). */
    public static final String REJECTED = "rejected";

    /**
     * One call.
     *
     * @param service the service called
     * @param outcome one of the constants of {@link CallMeters}
     * @param at      when its answer (or the lack of one) came
     */
    public record Call(String service, String outcome, Instant at) {

        /** Whether the call tells of a service that is not answering as it should (neither ok nor rejected). */
        public boolean failed() {
            return !OK.equals(outcome) && !REJECTED.equals(outcome);
        }
    }

    private final MeterRegistry registry;
    private final String system;
    private final Clock clock;
    private final AtomicReference<Call> last = new AtomicReference<>();
    private final AtomicReference<Call> lastFailed = new AtomicReference<>();
    private final AtomicReference<Call> lastOk = new AtomicReference<>();

    public CallMeters(MeterRegistry registry, String system, Clock clock) {
        this.registry = registry;
        this.system = system;
        this.clock = clock;
    }

    /** Counters nobody reads (tests and tools that build a client by hand). */
    public static CallMeters none(String system) {
        return new CallMeters(new CompositeMeterRegistry(), system, Clock.systemUTC());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String system() {
        return system;
    }

    /** One HTTP request and what came of it. */
    public void call(String service, String outcome) {
        Counter.builder("dvcsync." + system + ".calls")
                .description("HTTP requests to the " + system + " by service and outcome (retries and logins included)")
                .tag("service", service)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Call call = new Call(service, outcome, clock.instant());
        last.set(call);
        (call.failed() ? lastFailed : lastOk).set(call);
    }

    /** A call tried again after a failed attempt. */
    public void retry(String service) {
        Counter.builder("dvcsync." + system + ".retries")
                .description("Attempts after a failed first one, by service")
                .tag("service", service)
                .register(registry)
                .increment();
    }

    public Optional<Call> last() {
        return Optional.ofNullable(last.get());
    }

    public Optional<Call> lastFailed() {
        return Optional.ofNullable(lastFailed.get());
    }

    public Optional<Call> lastOk() {
        return Optional.ofNullable(lastOk.get());
    }
}

package vn.dvcsync.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.support.CallHealth;
import vn.dvcsync.support.CallMeters;
import vn.dvcsync.support.RunContext;

/**
 * The portal client, pointed at {@code dvcsync.portal.url} (or, with none, at the built-in simulator), the
 * circuit breaker the push route wraps it in, and the threads that push in parallel.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PortalConfiguration.class);

    @Bean
    @ConditionalOnExpression("!'${dvcsync.portal.url:}'.isBlank()")
    PortalUrl configuredPortalUrl(PortalProperties props) {
        return props::url;
    }

    /**
     * Replies limited to what a {@code DanhSachHoSo} page of {@code dvcsync.reconcile.page-size} dossiers can be, unless
     * {@code dvcsync.portal.max-reply-size} says otherwise.
     */
    @Bean
    PortalClient portalClient(
            PortalProperties props,
            ProvinceProperties province,
            PortalUrl url,
            ProducerTemplate template,
            ObjectMapper json,
            @Value("${dvcsync.reconcile.page-size:1000}") int pageSize,
            MeterRegistry registry) {
        return new PortalClient(
                props.withDefaultMaxReplySize(PortalProperties.replyLimitFor(pageSize)),
                province,
                url,
                template,
                json,
                new CallMeters(registry, "portal", Clock.systemUTC()));
    }

    /**
     * The circuit breaker of {@code routes/push.camel.yaml} ({@code resilience4jConfiguration.circuitBreaker}).
     * Only a portal that stays unavailable through a call's retries counts as a failure; a defect (a refused
     * request) or a store error is no sign of the portal being down.
     */
    @Bean
    CircuitBreaker portalCircuitBreaker(PortalProperties props, MeterRegistry registry) {
        PortalProperties.CircuitBreaker settings =
                props.circuitBreaker() != null ? props.circuitBreaker() : PortalProperties.CircuitBreaker.DEFAULTS;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(PortalUnavailableException::isCause)
                .ignoreException(e -> !PortalUnavailableException.isCause(e))
                .writableStackTraceEnabled(false)
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker breaker = breakers.circuitBreaker("portal", config);
        breaker.getEventPublisher()
                .onStateTransition(e -> log.warn(
                        "Portal circuit breaker {} (opens for {} s at {} % failed pushes)",
                        e.getStateTransition(), settings.openFor().toSeconds(), settings.failureRateThreshold()));
        // resilience4j's own meters, named dvcsync.breaker.* (README, "Metrics")
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
                        CircuitBreakerMetricNames.custom()
                                .stateMetricName("dvcsync.breaker.state")
                                .callsMetricName("dvcsync.breaker.calls")
                                .bufferedCallsMetricName("dvcsync.breaker.buffered.calls")
                                .failureRateMetricName("dvcsync.breaker.failure.rate")
                                .slowCallsMetricName("dvcsync.breaker.slow.calls")
                                .slowCallRateMetricName("dvcsync.breaker.slow.call.rate")
                                .notPermittedCallsMetricName("dvcsync.breaker.not.permitted.calls")
                                .build(),
                        breakers)
                .bindTo(registry);
        return breaker;
    }

    /**
     * {@code portal} in {@code /actuator/health} and its group {@code external}: the breaker's state and the last calls'
     * outcomes ({@link CallHealth}), no call of its own.
     */
    @Bean
    HealthIndicator portalHealthIndicator(PortalClient client, CircuitBreaker portalCircuitBreaker) {
        return () ->
                CallHealth.of(client.meters(), portalCircuitBreaker.getState().name());
    }

    /** The threads of the parallel pushes ({@code dvcsync.portal.concurrency}). */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService pushExecutor(PortalProperties props) {
        AtomicInteger n = new AtomicInteger();
        // the run id goes along into the log lines of the tasks (RunContext)
        return RunContext.propagating(Executors.newFixedThreadPool(Math.max(1, props.concurrency()), r -> {
            Thread t = new Thread(r, "push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }
}

package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvcsync.portal.PortalUnavailableException;
import vn.dvcsync.testsupport.RouteTest;

/**
 * {@code routes/push.camel.yaml}: dossiers before steps, the parallel pushers, each pushing batch after batch inside
 * the portal circuit breaker, and the fallback that decides whether a pusher goes on.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = {RouteTest.Routes.class, PushRouteTest.Doubles.class},
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/push.camel.yaml"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PushRouteTest extends RouteTest {

    @TestConfiguration
    static class Doubles {

        @Bean
        CircuitBreaker portalCircuitBreaker() {
            return CircuitBreaker.ofDefaults("portal-test");
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService pushExecutor() {
            return Executors.newFixedThreadPool(2);
        }
    }

    @MockitoBean(name = "pusher")
    Pusher pusher;

    @Autowired
    CircuitBreaker breaker;

    @Autowired
    ProducerTemplate template;

    private final AtomicBoolean stopDossiers = new AtomicBoolean();
    private final AtomicBoolean stopSteps = new AtomicBoolean();

    @BeforeEach
    void twoPushers() {
        when(pusher.workers()).thenReturn(List.of(1, 2));
        when(pusher.begin("DOSSIER", "run-1")).thenReturn(stopDossiers);
        when(pusher.begin("STEP", "run-1")).thenReturn(stopSteps);
    }

    @Test
    void pushesDossiersThenStepsWithEveryPusherUntilNothingIsLeft() throws Exception {
        // five batches of each kind, shared by the two pushers; each pusher stops at its first empty claim
        AtomicInteger dossierBatches = new AtomicInteger(5);
        AtomicInteger stepBatches = new AtomicInteger(5);
        Map<String, Integer> pushers = new ConcurrentHashMap<>();
        CountDownLatch bothDossierPushers = new CountDownLatch(2);
        when(pusher.pushBatch(eq("DOSSIER"), eq("run-1"), eq(stopDossiers))).thenAnswer(a -> {
            if (pushers.putIfAbsent(Thread.currentThread().getName(), 1) == null) {
                bothDossierPushers.countDown();
            }
            // the two pushers run side by side: neither finishes before the other has started
            assertThat(bothDossierPushers.await(10, TimeUnit.SECONDS))
                    .as("second pusher started")
                    .isTrue();
            assertThat(stepBatches.get())
                    .as("no step before the dossiers are done")
                    .isEqualTo(5);
            return dossierBatches.getAndDecrement() > 0;
        });
        when(pusher.pushBatch(eq("STEP"), eq("run-1"), eq(stopSteps)))
                .thenAnswer(a -> stepBatches.getAndDecrement() > 0);

        template.sendBodyAndHeader("direct:push", null, "runId", "run-1");

        InOrder order = inOrder(pusher);
        order.verify(pusher).begin("DOSSIER", "run-1");
        order.verify(pusher).begin("STEP", "run-1");
        // five batches, then one empty claim per pusher
        verify(pusher, times(7)).pushBatch(eq("DOSSIER"), eq("run-1"), eq(stopDossiers));
        verify(pusher, times(7)).pushBatch(eq("STEP"), eq("run-1"), eq(stopSteps));
        verify(pusher, never()).afterFailure(anyString(), any(), anyString(), any());
        assertThat(pushers).hasSize(2);
    }

    @Test
    void aFailedBatchGoesToTheFallbackWithItsFailureAndThePusherGoesOnWhenItSaysSo() {
        AtomicInteger calls = new AtomicInteger();
        when(pusher.pushBatch(eq("DOSSIER"), eq("run-1"), eq(stopDossiers))).thenAnswer(a -> {
            if (calls.incrementAndGet() == 1) {
                throw new PortalUnavailableException("portal DongBoHoSoMC: HTTP 503");
            }
            return false;
        });
        when(pusher.pushBatch(eq("STEP"), eq("run-1"), eq(stopSteps))).thenReturn(false);
        when(pusher.afterFailure(eq("DOSSIER"), any(), eq("run-1"), eq(stopDossiers)))
                .thenReturn(true);

        template.sendBodyAndHeader("direct:push", null, "runId", "run-1");

        ArgumentCaptor<Throwable> failure = ArgumentCaptor.forClass(Throwable.class);
        verify(pusher).afterFailure(eq("DOSSIER"), failure.capture(), eq("run-1"), eq(stopDossiers));
        // as the exchange caught it: the pusher's exception, wrapped by the bean call
        assertThat(PortalUnavailableException.isCause(failure.getValue())).isTrue();
        assertThat(failure.getValue()).hasMessageContaining("HTTP 503");
        // the pusher whose batch failed went on: both pushers ended on an empty claim
        verify(pusher, times(3)).pushBatch(eq("DOSSIER"), eq("run-1"), eq(stopDossiers));
        verify(pusher, times(2)).pushBatch(eq("STEP"), eq("run-1"), eq(stopSteps));
    }

    @Test
    void anOpenCircuitBreakerLetsNoBatchThroughAndThePushersStopOnTheFallback() {
        breaker.transitionToForcedOpenState();
        when(pusher.afterFailure(anyString(), any(), eq("run-1"), any())).thenReturn(false);

        template.sendBodyAndHeader("direct:push", null, "runId", "run-1");

        verify(pusher, never()).pushBatch(anyString(), anyString(), any());
        ArgumentCaptor<Throwable> refused = ArgumentCaptor.forClass(Throwable.class);
        verify(pusher, times(2)).afterFailure(eq("DOSSIER"), refused.capture(), eq("run-1"), eq(stopDossiers));
        // not let through: no exception of a batch (null), or the breaker's refusal
        assertThat(refused.getAllValues())
                .allSatisfy(e -> assertThat(e == null || e instanceof CallNotPermittedException)
                        .as("refused by the breaker: %s", e)
                        .isTrue());
        verify(pusher, times(2)).afterFailure(eq("STEP"), any(), eq("run-1"), eq(stopSteps));
    }

    @Test
    void aFallbackThatGivesUpFailsThePushAndNoStepIsPushed() {
        breaker.transitionToForcedOpenState();
        when(pusher.afterFailure(eq("DOSSIER"), any(), eq("run-1"), any()))
                .thenThrow(new PortalUnavailableException(
                        "portal circuit breaker FORCED_OPEN: pushing dossier records stopped"));

        Exception failed =
                assertThrows(Exception.class, () -> template.sendBodyAndHeader("direct:push", null, "runId", "run-1"));

        assertThat(failed).rootCause().isInstanceOf(PortalUnavailableException.class);
        verify(pusher, atLeastOnce()).afterFailure(eq("DOSSIER"), any(), eq("run-1"), any());
        verify(pusher, never()).begin(eq("STEP"), anyString());
        verify(pusher, never()).pushBatch(anyString(), anyString(), any());
        verify(pusher, never()).afterFailure(eq("STEP"), any(), anyString(), isNull());
    }
}

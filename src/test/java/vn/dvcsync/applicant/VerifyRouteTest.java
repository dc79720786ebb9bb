package vn.dvcsync.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvcsync.population.PopulationUnavailableException;
import vn.dvcsync.testsupport.RouteTest;

/**
 * {@code routes/verify.camel.yaml} with the shared error handling of {@code errors.camel.yaml}: every queued
 * applicant verified, in parallel on the population threads; the population service down stops the verification
 * without failing the run; any other failure fails it.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = {RouteTest.Routes.class, VerifyRouteTest.Doubles.class},
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/verify.camel.yaml"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class VerifyRouteTest extends RouteTest {

    @TestConfiguration
    static class Doubles {

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService populationExecutor() {
            return Executors.newFixedThreadPool(2, r -> new Thread(r, "population-test"));
        }
    }

    private static final List<ApplicantQueue.PendingCheck> QUEUED = List.of(
            new ApplicantQueue.PendingCheck("H26.1", null, "1.001", "U1"),
            new ApplicantQueue.PendingCheck("H26.2", null, "1.001", "U1"),
            new ApplicantQueue.PendingCheck("H26.3", null, "1.002", "U2"));

    @MockitoBean(name = "applicantVerifier")
    ApplicantVerifier verifier;

    @Autowired
    ProducerTemplate template;

    @Test
    void verifiesEveryQueuedApplicantOnThePopulationThreads() {
        when(verifier.pending()).thenReturn(QUEUED);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        doAnswer(a -> threads.add(Thread.currentThread().getName()))
                .when(verifier)
                .verify(any(), eq("run-1"));

        template.sendBodyAndHeader("direct:verify-applicants", null, "runId", "run-1");

        QUEUED.forEach(check -> verify(verifier).verify(check, "run-1"));
        assertThat(threads).containsExactly("population-test");
    }

    @Test
    void thePopulationServiceDownStopsTheVerificationButNotTheRun() {
        when(verifier.pending()).thenReturn(QUEUED);
        doThrow(new PopulationUnavailableException("population service: HTTP 503"))
                .when(verifier)
                .verify(any(), any());

        // handled by the shared error handling: the caller (the run) goes on
        template.sendBodyAndHeader("direct:verify-applicants", null, "runId", "run-2");

        verify(verifier).pending();
    }

    @Test
    void anyOtherFailureFailsTheRun() {
        when(verifier.pending()).thenReturn(QUEUED);
        doThrow(new IllegalStateException("store unreachable")).when(verifier).verify(any(), any());

        Exception failed = assertThrows(
                Exception.class, () -> template.sendBodyAndHeader("direct:verify-applicants", null, "runId", "run-3"));

        assertThat(failed).rootCause().hasMessage("store unreachable");
    }
}

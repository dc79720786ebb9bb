package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.MockEndpointsAndSkip;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvcsync.applicant.ApplicantQueue;
import vn.dvcsync.applicant.ApplicantVerifier;
import vn.dvcsync.population.PopulationRejectedException;
import vn.dvcsync.population.PopulationUnavailableException;
import vn.dvcsync.testsupport.RouteTest;

/**
 * {@code routes/errors.camel.yaml}, the shared error handling, in an incremental run: the population service down
 * or refusing leaves the applicants queued and the run goes on to its end; any other failure fails the run.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = {RouteTest.Routes.class, ErrorsRouteTest.Doubles.class},
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,"
                    + "file:routes/incremental.camel.yaml,file:routes/verify.camel.yaml"
        })
@MockEndpointsAndSkip("direct:(extract|push)")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ErrorsRouteTest extends RouteTest {

    @TestConfiguration
    static class Doubles {

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService populationExecutor() {
            return Executors.newFixedThreadPool(2);
        }
    }

    @MockitoBean(name = "runService")
    RunService runService;

    @MockitoBean(name = "applicantVerifier")
    ApplicantVerifier verifier;

    @MockitoBean(name = "firstContact")
    vn.dvcsync.push.FirstContact firstContact;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:direct:push")
    MockEndpoint push;

    private void oneApplicantQueued() {
        when(verifier.pending()).thenReturn(List.of(new ApplicantQueue.PendingCheck("H26.1", null, "1.001", "U1")));
    }

    @Test
    void thePopulationServiceDownIsHandledAndTheRunGoesOn() throws Exception {
        oneApplicantQueued();
        doThrow(new PopulationUnavailableException("population service: HTTP 503"))
                .when(verifier)
                .verify(any(), any());
        push.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:run-incremental", null, Map.of("runId", "run-1", "runType", "incremental"));

        push.assertIsSatisfied();
    }

    @Test
    void thePopulationServiceRefusingIsHandledToo() {
        oneApplicantQueued();
        doThrow(new PopulationRejectedException("population service: SOAP fault"))
                .when(verifier)
                .verify(any(), any());

        template.sendBodyAndHeaders("direct:run-incremental", null, Map.of("runId", "run-2", "runType", "incremental"));

        assertThat(push.getReceivedCounter()).isOne();
    }

    @Test
    void anyOtherFailureFailsTheRun() {
        oneApplicantQueued();
        doThrow(new IllegalStateException("store unreachable")).when(verifier).verify(any(), any());

        Exception failed = assertThrows(
                Exception.class,
                () -> template.sendBodyAndHeaders(
                        "direct:run-incremental", null, Map.of("runId", "run-3", "runType", "incremental")));

        assertThat(failed).rootCause().hasMessage("store unreachable");
    }
}

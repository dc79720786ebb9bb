package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.MockEndpointsAndSkip;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvcsync.testsupport.RouteTest;

/**
 * {@code routes/reconcile.camel.yaml}: a reconcile run only compares and reports; a nightly run extracts everything,
 * reopens what the portal lacks, pushes and verifies side by side, then compares and reports; the nightly schedule
 * starts a nightly run.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = RouteTest.Routes.class,
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/reconcile.camel.yaml"
        })
@MockEndpointsAndSkip("direct:(extract|push|verify-applicants)")
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReconcileRouteTest extends RouteTest {

    @MockitoBean(name = "runService")
    RunService runService;

    @MockitoBean(name = "reconciliation")
    Reconciliation reconciliation;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:direct:extract")
    MockEndpoint extract;

    @EndpointInject("mock:direct:push")
    MockEndpoint push;

    @EndpointInject("mock:direct:verify-applicants")
    MockEndpoint verifyApplicants;

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void aReconcileRunComparesAndReportsAndSendsNothing() throws Exception {
        camel.start();

        template.sendBodyAndHeaders("direct:run-reconcile", null, Map.of("runId", "run-1", "runType", "reconcile"));

        verify(reconciliation).compareAndReport("run-1", "reconcile");
        verify(reconciliation, never()).compareForHealing(anyString());
        verify(reconciliation, never()).reopenWhatThePortalLacks(anyString());
        assertThat(extract.getReceivedCounter() + push.getReceivedCounter() + verifyApplicants.getReceivedCounter())
                .isZero();
    }

    @Test
    void aNightlyRunComparesExtractsAllReopensPushesAndVerifiesThenReports() throws Exception {
        camel.start();
        doAnswer(a -> steps.add("remember")).when(reconciliation).compareForHealing("run-2");
        extract.whenAnyExchangeReceived(e -> steps.add("extract " + e.getIn().getHeader("extraction")));
        push.whenAnyExchangeReceived(e -> steps.add("push"));
        verifyApplicants.whenAnyExchangeReceived(e -> steps.add("verify"));
        doAnswer(a -> steps.add("reopen")).when(reconciliation).reopenWhatThePortalLacks("run-2");
        doAnswer(a -> steps.add("compare")).when(reconciliation).compareAndReport("run-2", "nightly");

        template.sendBodyAndHeaders("direct:run-nightly", null, Map.of("runId", "run-2", "runType", "nightly"));

        assertThat(steps).hasSize(6);
        assertThat(steps.subList(0, 3)).containsExactly("remember", "extract full", "reopen");
        assertThat(steps.subList(3, 5)).containsExactlyInAnyOrder("push", "verify");
        assertThat(steps.get(5)).isEqualTo("compare");
    }

    @Test
    void aFailedHealingComparisonFailsTheNightlyRunBeforeAnyPush() throws Exception {
        camel.start();
        doAnswer(a -> {
                    throw new IllegalStateException("portal DanhSachHoSo: unexpected reply");
                })
                .when(reconciliation)
                .compareForHealing("run-3");

        Exception failed = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> template.sendBodyAndHeaders(
                        "direct:run-nightly", null, Map.of("runId", "run-3", "runType", "nightly")));

        assertThat(failed).rootCause().hasMessageContaining("DanhSachHoSo");
        assertThat(extract.getReceivedCounter() + push.getReceivedCounter()).isZero();
        verify(reconciliation, never()).compareAndReport(anyString(), anyString());
    }

    @Test
    void theNightlyScheduleStartsANightlyRun() throws Exception {
        AdviceWith.adviceWith(camel, "nightly-schedule", a -> a.replaceFromWith("direct:nightly-tick"));
        camel.start();
        camel.getRouteController().startRoute("nightly-schedule");

        template.sendBody("direct:nightly-tick", null);

        verify(runService).scheduled("nightly");
    }
}

package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import vn.dvcsync.push.FirstContact;
import vn.dvcsync.testsupport.RouteTest;

/**
 * {@code routes/incremental.camel.yaml}: the schedule starts an incremental run; the run extracts from the
 * watermark, asks the portal which never-delivered dossiers it holds (first contact), then pushes and verifies
 * applicants side by side.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = RouteTest.Routes.class,
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/incremental.camel.yaml"
        })
@MockEndpointsAndSkip("direct:(extract|push|verify-applicants)")
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class IncrementalRouteTest extends RouteTest {

    @MockitoBean(name = "runService")
    RunService runService;

    @MockitoBean(name = "firstContact")
    FirstContact firstContact;

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

    @Test
    void extractsFromTheWatermarkThenPushesAndVerifiesApplicantsSideBySide() throws Exception {
        camel.start();
        // first contact is asked after the extraction, before the push
        org.mockito.Mockito.doAnswer(a -> {
                    assertThat(extract.getReceivedCounter()).isEqualTo(1);
                    assertThat(push.getReceivedCounter()).isZero();
                    return null;
                })
                .when(firstContact)
                .learn("run-1");
        extract.expectedMessageCount(1);
        extract.expectedHeaderReceived("extraction", "incremental");
        push.expectedMessageCount(1);
        verifyApplicants.expectedMessageCount(1);
        verifyApplicants.expectedHeaderReceived("runId", "run-1");
        // the push waits for the verification to have started: it would wait in vain if they ran one after the other
        CountDownLatch verifying = new CountDownLatch(1);
        verifyApplicants.whenAnyExchangeReceived(e -> verifying.countDown());
        push.whenAnyExchangeReceived(e -> assertThat(verifying.await(10, TimeUnit.SECONDS))
                .as("verification running alongside the push")
                .isTrue());

        template.sendBodyAndHeaders("direct:run-incremental", null, Map.of("runId", "run-1", "runType", "incremental"));

        MockEndpoint.assertIsSatisfied(extract, push, verifyApplicants);
        assertThat(push.getReceivedExchanges().get(0).getIn().getHeader("runId"))
                .isEqualTo("run-1");
        verify(firstContact).learn("run-1");
    }

    @Test
    void theScheduleStartsAnIncrementalRun() throws Exception {
        AdviceWith.adviceWith(camel, "incremental-schedule", a -> a.replaceFromWith("direct:incremental-tick"));
        camel.start();
        camel.getRouteController().startRoute("incremental-schedule");

        template.sendBody("direct:incremental-tick", null);

        verify(runService).scheduled("incremental");
        MockEndpoint.assertIsSatisfied(0, TimeUnit.SECONDS, extract);
        assertThat(extract.getReceivedCounter()).isZero();
    }
}

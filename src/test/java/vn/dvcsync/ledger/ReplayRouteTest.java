package vn.dvcsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.Map;
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
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.testsupport.RouteTest;

/** {@code routes/replay.camel.yaml}: the matching dead letters put back to pending, counted, then the push. */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = {RouteTest.Routes.class, ReplayRouteTest.Doubles.class},
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/replay.camel.yaml"
        })
@MockEndpointsAndSkip("direct:push")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReplayRouteTest extends RouteTest {

    @TestConfiguration
    static class Doubles {

        @Bean
        RunCounters runCounters() {
            return new RunCounters();
        }
    }

    @MockitoBean(name = "deadLetters")
    DeadLetters deadLetters;

    @Autowired
    RunCounters counters;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:direct:push")
    MockEndpoint push;

    @Test
    void countsTheDeadLettersPutBackAndPushesWhatIsPending() throws Exception {
        DeadLetters.Filter filter = DeadLetters.Filter.of("STEP", null, "UNCONFIRMED");
        when(deadLetters.replay(filter, "run-7")).thenReturn(3);
        push.expectedMessageCount(1);
        push.expectedHeaderReceived("runId", "run-7");

        template.sendBodyAndHeaders("direct:run-replay", null, Map.of("replayFilter", filter, "runId", "run-7"));

        push.assertIsSatisfied();
        assertThat(counters.get("run-7", "replayed.records")).isEqualTo(3);
    }

    @Test
    void replayingAgainFindsNothingToPutBackAndCountsNothing() throws Exception {
        DeadLetters.Filter filter = DeadLetters.Filter.one(42);
        when(deadLetters.replay(filter, "run-8")).thenReturn(0);
        push.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:run-replay", null, Map.of("replayFilter", filter, "runId", "run-8"));

        push.assertIsSatisfied();
        assertThat(counters.get("run-8", "replayed.records")).isZero();
    }
}

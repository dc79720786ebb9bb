package vn.dvcsync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;
import vn.dvcsync.run.RunType;
import vn.dvcsync.support.RunContext;

/**
 * Every line a run writes carries its id in the logging context, on the run's thread, Camel's parallel threads and
 * the pushers' and look-ups' pools alike; ID numbers stay masked in them.
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=100",
            "logging.level.vn.dvcsync.portal=DEBUG",
            "logging.level.vn.dvcsync.population=DEBUG",
            "logging.level.vn.dvcsync.push=DEBUG"
        })
@ActiveProfiles("test")
class RunLogTest {

    @Autowired
    RunService runs;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    private final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event);
        }
    };

    @BeforeEach
    void listen() {
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    /** A parallel multicast without an executor of its own runs on Camel's pool, which takes the run id along. */
    @Test
    void camelsOwnPoolThreadsCarryTheRunIdToo() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:mdc-probe")
                        .routeId("mdc-probe")
                        .multicast()
                        .parallelProcessing()
                        .to("log:mdc-probe-a", "log:mdc-probe-b");
            }
        });
        try (var context = RunContext.open("probe-run")) {
            template.sendBody("direct:mdc-probe", "x");
        }
        List<ILoggingEvent> probe = lines.stream()
                .filter(e -> e.getLoggerName().startsWith("mdc-probe-"))
                .toList();
        assertThat(probe).hasSize(2);
        assertThat(probe).allMatch(e -> e.getThreadName().startsWith("Camel"), "on Camel's threads");
        assertThat(probe).allMatch(e -> "probe-run".equals(e.getMDCPropertyMap().get("runId")), "with the run id");
    }

    @Test
    void everyLineOfARunCarriesItsId() {
        Run run = runs.execute(RunType.INCREMENTAL);
        assertThat(run.status()).isEqualTo("SUCCEEDED");

        // the appender hears the whole JVM: another test's context kept alive may run meanwhile (its schedules
        // resumed); its lines carry their own run's id and are not this run's
        List<ILoggingEvent> ofTheRun = lines.stream()
                .filter(e -> e.getLoggerName().startsWith("vn.dvcsync")
                        || e.getLoggerName().startsWith("org.apache.camel"))
                .filter(e -> {
                    String id = e.getMDCPropertyMap().get("runId");
                    return id == null || id.equals(run.id());
                })
                .toList();
        assertThat(ofTheRun).isNotEmpty();
        for (ILoggingEvent line : ofTheRun) {
            assertThat(line.getMDCPropertyMap().get("runId"))
                    .as("run id of [%s] %s: %s", line.getThreadName(), line.getLoggerName(), line.getFormattedMessage())
                    .isEqualTo(run.id());
        }
        List<String> threads =
                ofTheRun.stream().map(ILoggingEvent::getThreadName).distinct().toList();
        assertThat(threads)
                .as("lines from the pushers' and the look-ups' threads")
                .anyMatch(t -> t.startsWith("push-"))
                .anyMatch(t -> t.startsWith("population-"));
        assertThat(ofTheRun)
                .as("ID numbers masked")
                .noneMatch(e -> e.getFormattedMessage().matches("(?s).*\\b\\d{12}\\b.*"));
    }
}

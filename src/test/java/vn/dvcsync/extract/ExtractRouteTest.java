package vn.dvcsync.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.testsupport.RouteTest;

/** {@code routes/extract.camel.yaml}: the loop over the city's pages, from the cursor staging gives until none is left. */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = RouteTest.Routes.class,
        properties = {
            RouteTest.NO_SCHEDULE,
            "camel.main.routes-include-pattern=file:routes/errors.camel.yaml,file:routes/extract.camel.yaml"
        })
class ExtractRouteTest extends RouteTest {

    private static final Watermark START = new Watermark(OffsetDateTime.parse("2025-01-01T00:00:00+07:00"), 0);
    private static final Watermark PAGE_1 = new Watermark(OffsetDateTime.parse("2025-01-02T00:00:00+07:00"), 10);
    private static final Watermark PAGE_2 = new Watermark(OffsetDateTime.parse("2025-01-03T00:00:00+07:00"), 20);

    @MockitoBean(name = "staging")
    Staging staging;

    @Autowired
    ProducerTemplate template;

    @Test
    void stagesPageAfterPageFromTheWatermarkUntilStagingHasNoCursorLeft() {
        when(staging.startCursor("incremental")).thenReturn(START);
        when(staging.stagePage(START, "run-1")).thenReturn(PAGE_1);
        when(staging.stagePage(PAGE_1, "run-1")).thenReturn(PAGE_2);
        when(staging.stagePage(PAGE_2, "run-1")).thenReturn(null);

        template.sendBodyAndHeaders("direct:extract", null, Map.of("extraction", "incremental", "runId", "run-1"));

        InOrder order = inOrder(staging);
        order.verify(staging).startCursor("incremental");
        order.verify(staging).stagePage(START, "run-1");
        order.verify(staging).stagePage(PAGE_1, "run-1");
        order.verify(staging).stagePage(PAGE_2, "run-1");
        order.verifyNoMoreInteractions();
    }

    @Test
    void aFullExtractionAsksStagingForTheStartAndAnEmptyCityStagesOnce() {
        when(staging.startCursor("full")).thenReturn(Watermark.START);
        when(staging.stagePage(Watermark.START, "run-2")).thenReturn(null);

        template.sendBodyAndHeaders("direct:extract", null, Map.of("extraction", "full", "runId", "run-2"));

        verify(staging).startCursor("full");
        verify(staging).stagePage(any(), any());
    }

    @Test
    void aStoreFailureWhileStagingFailsTheExtraction() {
        when(staging.startCursor("incremental")).thenReturn(START);
        when(staging.stagePage(START, "run-3")).thenThrow(new IllegalStateException("store unreachable"));

        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> template.sendBodyAndHeaders(
                        "direct:extract", null, Map.of("extraction", "incremental", "runId", "run-3")));
        assertThat(failure).rootCause().hasMessage("store unreachable");
    }
}

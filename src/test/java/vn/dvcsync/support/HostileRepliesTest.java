package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * issue #9: every reply is bounded in size and time. A local responder answers 1 GB (announced or chunked), a gzip
 * bomb, or one byte at a time; each call ends promptly with a {@link ReplyRefusedException} that says why, having
 * read no more than the limit, and the next call to a sane server works.
 */
class HostileRepliesTest {

    private static final long LIMIT = 64 << 10;
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private static CamelContext camel;
    private static HttpPost http;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        http = new HttpPost(camel.createProducerTemplate(), DEADLINE, LIMIT);
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @Test
    void aReplyAnnouncing1GbIsRefusedUnread() throws Exception {
        try (HostileResponder server = HostileResponder.huge(HostileResponder.Content.JSON)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> post(server.url()))
                    .isInstanceOf(ReplyRefusedException.class)
                    .hasMessageContaining("larger than the limit of 64 KiB");
            assertThat(millisSince(t0)).isLessThan(1500);
        }
    }

    @Test
    void aChunkedReplyOf1GbIsCutOffAtTheLimit() throws Exception {
        try (HostileResponder server = HostileResponder.hugeChunked(HostileResponder.Content.JSON)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> post(server.url()))
                    .isInstanceOf(ReplyRefusedException.class)
                    .hasMessage("reply larger than the limit of 64 KiB");
            assertThat(millisSince(t0)).isLessThan(1500);
            Thread.sleep(200);
            assertThat(server.bytesSent())
                    .as("what the server could send before the client hung up")
                    .isLessThan(HostileResponder.ONE_GB / 64);
        }
    }

    @Test
    void aGzipBombStopsAtTheLimitOfTheExpandedBytes() throws Exception {
        try (HostileResponder server = HostileResponder.gzipBomb(HostileResponder.Content.JSON)) {
            // what the client reads of the compressed body is far below the limit; the expanded bytes are counted
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> http.post(
                            server.url(),
                            "application/json",
                            Map.of(),
                            new byte[0],
                            (status, body) -> body.readAllBytes()))
                    .isInstanceOf(ReplyRefusedException.class)
                    .hasMessage("reply larger than the limit of 64 KiB");
            assertThat(millisSince(t0)).isLessThan(1500);
        }
    }

    @Test
    void aReplyDrippingFasterThanEachReadTimesOutIsCutOffAtTheCallsDeadline() throws Exception {
        // a byte every 300 ms: no single read waits anywhere near the 2 s time-out, the call would never end
        try (HostileResponder server =
                HostileResponder.dripBody(HostileResponder.Content.JSON, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> post(server.url()))
                    .isInstanceOf(ReplyRefusedException.class)
                    .hasMessage("no complete reply within the call's deadline of 2000 ms");
            assertThat(millisSince(t0)).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 1500);
        }
    }

    @Test
    void aDrippingStatusLineAndHeadersAreCutOffAtTheDeadlineToo() throws Exception {
        try (HostileResponder server =
                HostileResponder.dripHead(HostileResponder.Content.JSON, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> post(server.url()))
                    .isInstanceOf(ReplyRefusedException.class)
                    .hasMessage("no complete reply within the call's deadline of 2000 ms");
            assertThat(millisSince(t0)).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 1500);
        }
    }

    @Test
    void aReplyWithinTheLimitsIsReadAndASecondCallAfterARefusalWorks() throws Exception {
        HttpServer sane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] reply = "x".repeat((int) LIMIT).getBytes(StandardCharsets.US_ASCII);
        sane.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        sane.start();
        try (HostileResponder server = HostileResponder.huge(HostileResponder.Content.JSON)) {
            String url = "http://127.0.0.1:" + sane.getAddress().getPort() + "/ok";
            assertThat(http.post(url, "text/plain", Map.of(), new byte[0]).body())
                    .hasSize((int) LIMIT);
            assertThatThrownBy(() -> post(server.url())).isInstanceOf(ReplyRefusedException.class);
            assertThat(http.post(url, "text/plain", Map.of(), new byte[0]).body())
                    .hasSize((int) LIMIT);
        } finally {
            sane.stop(0);
        }
    }

    private static void post(String url) throws Exception {
        http.post(url, "application/json", Map.of(), new byte[0]);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

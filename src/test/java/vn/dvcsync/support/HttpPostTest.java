package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks what really goes over the wire, with a bare socket server (no HTTP library normalising it). */
class HttpPostTest {

    private static CamelContext camel;
    private static HttpPost http;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        http = new HttpPost(camel.createProducerTemplate(), Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    /** Serves one canned reply to each connection and keeps what it received. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final AtomicInteger requests = new AtomicInteger();
        final CompletableFuture<String> firstRequest = new CompletableFuture<>();

        RawServer(String reply) throws IOException {
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        String request = readRequest(client.getInputStream());
                        requests.incrementAndGet();
                        firstRequest.complete(request);
                        client.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/svc";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            int contentLength = -1;
            int b;
            while ((b = in.read()) != -1) {
                seen.write(b);
                String text = seen.toString(StandardCharsets.UTF_8);
                if (contentLength < 0 && text.endsWith("\r\n\r\n")) {
                    contentLength = text.lines()
                            .filter(l -> l.toLowerCase().startsWith("content-length:"))
                            .map(l -> Integer.parseInt(l.substring(15).trim()))
                            .findFirst()
                            .orElse(0);
                    byte[] body = in.readNBytes(contentLength);
                    seen.write(body);
                    break;
                }
            }
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void sendsTheContentTypeAndHeadersExactlyAsGiven() throws Exception {
        try (RawServer server = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")) {
            HttpPost.Reply<byte[]> reply = http.post(
                    server.url(),
                    "text/xml; charset=utf-8",
                    Map.of("SOAPAction", "\"TraCuuThongTinCongDan\"", "ApiKey", "k-1"),
                    "<x>ă</x>".getBytes(StandardCharsets.UTF_8));

            String request = server.firstRequest.get(5, TimeUnit.SECONDS);
            assertThat(request).startsWith("POST /svc HTTP/1.1\r\n");
            assertThat(request).contains("\r\nContent-Type: text/xml; charset=utf-8\r\n");
            assertThat(request).contains("\r\nSOAPAction: \"TraCuuThongTinCongDan\"\r\n");
            assertThat(request).contains("\r\nApiKey: k-1\r\n");
            assertThat(request).endsWith("\r\n\r\n<x>ă</x>");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        }
    }

    @Test
    void tooManyRequestsComesBackToTheCallerWithoutAHiddenRetry() throws Exception {
        try (RawServer server = new RawServer(
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
            HttpPost.Reply<byte[]> reply =
                    http.post(server.url(), "application/json; charset=utf-8", Map.of(), new byte[0]);

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void refusedConnectionIsAnIoError() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        assertThatThrownBy(() -> http.post("http://127.0.0.1:" + port + "/svc", "text/plain", Map.of(), new byte[0]))
                .isInstanceOf(IOException.class);
    }
}

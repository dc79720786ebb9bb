package vn.dvcsync.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * One HTTP {@code POST} through Camel's {@code camel-http} component. Failures never throw on the
 * status code ({@code throwExceptionOnFailure=false}): the caller reads status and {@code Retry-After}.
 * Connection errors and time-outs come out as {@link IOException}. The HTTP client's own retries
 * (it would silently resend after a 429 or 503) are off: the callers count and pace every attempt.
 */
public final class HttpPost {

    private final ProducerTemplate template;
    private final String options;

    public HttpPost(ProducerTemplate template, Duration timeout) {
        this.template = template;
        long millis = timeout.toMillis();
        this.options = "httpMethod=POST&throwExceptionOnFailure=false&disableStreamCache=true"
                + "&connectTimeout=" + millis + "&responseTimeout=" + millis + "&soTimeout=" + millis
                + "&httpClient.retryStrategy=#class:" + NoRetries.class.getName();
    }

    /** The reply of a request that reached the server; {@code body} as the caller's {@link BodyReader} read it. */
    public record Reply<B>(int status, String retryAfterHeader, B body) {

        /** {@code Retry-After} in seconds, when the server sent a readable one. */
        public Optional<Duration> retryAfter() {
            if (retryAfterHeader == null) {
                return Optional.empty();
            }
            try {
                long seconds = Long.parseLong(retryAfterHeader.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** Reads a reply's body straight from the connection. */
    @FunctionalInterface
    public interface BodyReader<B> {
        /**
         * @param status the reply's HTTP status
         * @param body   the body as it arrives (empty when there is none); closed by the caller
         * @throws IOException the connection failed while the body was read: the request got no reply
         */
        B read(int status, InputStream body) throws IOException;
    }

    /** The whole body as bytes. */
    public static final BodyReader<byte[]> BYTES = (status, body) -> body.readAllBytes();

    /** As {@link #post(String, String, Map, byte[], BodyReader)}, the body read whole as bytes. */
    public Reply<byte[]> post(String url, String contentType, Map<String, String> headers, byte[] body)
            throws IOException {
        return post(url, contentType, headers, body, BYTES);
    }

    /**
     * @param url         the exact request URL ({@code http://…} or {@code https://…})
     * @param contentType the request's {@code Content-Type}, charset included
     * @param headers     further request headers
     * @param reader      reads the reply's body from the connection before the connection is released, so that
     *                    a large body (a page of the portal's dossiers) is parsed as it arrives, never held whole
     * @throws IOException the request did not get a reply (connection refused or reset, time-out, a body cut off)
     */
    public <B> Reply<B> post(
            String url, String contentType, Map<String, String> headers, byte[] body, BodyReader<B> reader)
            throws IOException {
        String endpoint = url + (url.contains("?") ? "&" : "?") + options;
        Object[] read = new Object[1];
        IOException[] cutOff = new IOException[1];
        Exchange exchange = template.request(endpoint, ex -> {
            Message in = ex.getIn();
            headers.forEach(in::setHeader);
            in.setBody(new ExactTypeEntity(body, contentType));
            // With disableStreamCache the body is the connection's stream, closed when the exchange is done:
            // read it first (highest order), while it is open.
            ex.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                    if (done.getException() != null || status == null) {
                        return;
                    }
                    InputStream stream = done.getMessage().getBody(InputStream.class);
                    try (InputStream bodyStream = stream != null ? stream : InputStream.nullInputStream()) {
                        read[0] = reader.read(status, bodyStream);
                    } catch (IOException e) {
                        cutOff[0] = e;
                    }
                }

                @Override
                public int getOrder() {
                    return HIGHEST;
                }
            });
        });
        Exception failure = exchange.getException();
        if (failure != null) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io;
                }
            }
            throw failure instanceof RuntimeException re ? re : new RuntimeCamelException(failure);
        }
        if (cutOff[0] != null) {
            throw cutOff[0];
        }
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new IOException("no HTTP status in the reply from " + url);
        }
        @SuppressWarnings("unchecked")
        B value = (B) read[0];
        return new Reply<>(status, out.getHeader("Retry-After", String.class), value);
    }

    /** Keeps the {@code Content-Type} exactly as given (the client library would rewrite {@code utf-8} as {@code UTF-8}). */
    private static final class ExactTypeEntity extends AbstractHttpEntity {

        private final byte[] content;

        ExactTypeEntity(byte[] content, String contentType) {
            super(contentType, null);
            this.content = content;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(content);
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return content.length;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {}
    }

    /** Turns off the HTTP client's automatic retries. Public: Camel instantiates it from the endpoint URI. */
    public static final class NoRetries implements HttpRequestRetryStrategy {

        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }
}

package vn.dvcsync.portal;

import static vn.dvcsync.portal.Codes.MALFORMED;
import static vn.dvcsync.portal.Codes.OK;
import static vn.dvcsync.portal.Codes.SESSION_INVALID;
import static vn.dvcsync.portal.Codes.code;
import static vn.dvcsync.portal.Codes.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.support.Retrier;
import vn.dvcsync.support.Retrier.Retry;

/**
 * The portal session and the {@code /integration} calls made in it: one session for all calls, opened on the first,
 * renewed when it expires or the portal answers {@code -1}, with the province's {@code madonvi} in every call.
 */
final class Session {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    private record Token(String token, long expiresAtNanos) {

        boolean expired() {
            return System.nanoTime() - expiresAtNanos >= 0;
        }
    }

    private final PortalProperties properties;
    private final String madonvi;
    private final ObjectMapper mapper;
    private final Transport transport;
    private final Retrier retrier;
    private final AtomicLong logins = new AtomicLong();
    private final Object lock = new Object();
    private volatile Token current;

    Session(PortalProperties properties, String madonvi, ObjectMapper mapper, Transport transport, Retrier retrier) {
        this.properties = properties;
        this.madonvi = madonvi;
        this.mapper = mapper;
        this.transport = transport;
        this.retrier = retrier;
    }

    long logins() {
        return logins.get();
    }

    /** One {@code /integration} call: session, retries and re-login handled; codes 0, 2–5 returned. */
    JsonNode integrate(String service, ObjectNode params, int items) {
        AtomicBoolean renewed = new AtomicBoolean();
        return retrier.run(service, () -> attempt(service, params, items, renewed), PortalUnavailableException::new);
    }

    /**
     * One attempt of an {@code /integration} call. A refused session ({@code -1}) leads to one new login
     * per call ({@code renewed}) and the request is resent at once; refused again, the portal is unavailable.
     */
    JsonNode attempt(String service, ObjectNode params, int items, AtomicBoolean renewed) throws Retry {
        String token = token();
        JsonNode reply = transport.post(service, "/integration", envelope(token, params), items);
        if (SESSION_INVALID.equals(code(reply))) {
            if (!renewed.compareAndSet(false, true)) {
                throw sessionRefusedAgain(service);
            }
            log.info("portal {}: session refused (error_code -1); logging in again", service);
            reply = transport.post(service, "/integration", envelope(renew(token), params), items);
            if (SESSION_INVALID.equals(code(reply))) {
                throw sessionRefusedAgain(service);
            }
        }
        if (MALFORMED.equals(code(reply))) {
            throw new PortalRejectedException(
                    "portal " + service + ": request refused as malformed (error_code 1): " + message(reply));
        }
        return reply;
    }

    private static PortalUnavailableException sessionRefusedAgain(String service) {
        return new PortalUnavailableException(
                "portal " + service + ": session refused (error_code -1) again right after a fresh login");
    }

    private ObjectNode envelope(String token, ObjectNode params) {
        ObjectNode body = mapper.createObjectNode();
        body.put("session", token);
        body.put("madonvi", madonvi);
        body.setAll(params);
        return body;
    }

    private String token() {
        Token token = current;
        if (token != null && !token.expired()) {
            return token.token();
        }
        synchronized (lock) {
            token = current;
            if (token == null || token.expired()) {
                token = login();
                current = token;
            }
            return token.token();
        }
    }

    /** A new session, unless another thread already replaced the refused one. */
    private String renew(String refused) {
        synchronized (lock) {
            Token token = current;
            if (token == null || token.token().equals(refused) || token.expired()) {
                token = login();
                current = token;
            }
            return token.token();
        }
    }

    private Token login() {
        ObjectNode body =
                mapper.createObjectNode().put("username", properties.username()).put("password", properties.password());
        JsonNode reply =
                retrier.run("auth", () -> transport.post("auth", "/auth", body, 0), PortalUnavailableException::new);
        String token = reply.path("session").asText("");
        if (!OK.equals(code(reply)) || token.isEmpty()) {
            throw new PortalRejectedException(
                    "portal login refused (error_code " + code(reply) + "): " + message(reply));
        }
        logins.incrementAndGet();
        long seconds = Math.max(0, reply.path("expires_in").asLong(1800));
        long margin = Math.min(30, seconds / 10);
        log.info("portal session opened for {} s", seconds);
        return new Token(token, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds - margin));
    }
}

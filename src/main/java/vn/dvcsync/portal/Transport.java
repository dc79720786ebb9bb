package vn.dvcsync.portal;

import static vn.dvcsync.portal.Codes.INTERNAL_ERROR;
import static vn.dvcsync.portal.Codes.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.support.CallMeters;
import vn.dvcsync.support.HttpPost;
import vn.dvcsync.support.Pacer;
import vn.dvcsync.support.ReplyJson;
import vn.dvcsync.support.ReplyRefusedException;
import vn.dvcsync.support.Retrier.Retry;

/**
 * One paced HTTP request to the portal and the classification of what came back: a JSON reply, a {@link Retry}
 * (I/O errors, time-outs, 429, 5xx, unreadable replies, {@code error_code 9}) or a defect (any other status).
 */
final class Transport {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final PortalUrl url;
    private final ObjectMapper mapper;
    private final HttpPost http;
    private final Pacer pacer;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private final CallMeters meters;

    Transport(PortalUrl url, ObjectMapper mapper, HttpPost http, Pacer pacer, CallMeters meters) {
        this.url = url;
        this.mapper = mapper;
        this.http = http;
        this.pacer = pacer;
        this.meters = meters;
    }

    long calls() {
        return calls.get();
    }

    long tooManyRequests() {
        return tooManyRequests.get();
    }

    /**
     * One paced HTTP request. Asks for a retry on I/O errors, time-outs, 429, 5xx, unreadable replies
     * and {@code error_code 9}; any other status than 200 is a defect.
     */
    JsonNode post(String what, String path, ObjectNode body, int items) throws Retry {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the " + what + " request", e);
        }
        pacer.acquire();
        calls.incrementAndGet();
        long start = System.nanoTime();
        HttpPost.Reply<JsonNode> reply;
        try {
            // a reply of 200 is parsed as it arrives (a DanhSachHoSo page is megabytes): null when it is no JSON
            reply = http.post(
                    baseUrl() + path, JSON, Map.of(), bytes, (code, stream) -> code == 200 ? json(stream) : null);
        } catch (IOException e) {
            log.debug("portal {} ({} items): no reply after {} ms", what, items, millisSince(start));
            // refused before anything was sent, or sent and the answer lost (time-out, reset)
            boolean sent = !(e instanceof ConnectException || e instanceof UnknownHostException);
            meters.call(what, e instanceof ReplyRefusedException ? CallMeters.UNREADABLE : CallMeters.NO_REPLY);
            throw new Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), e, sent);
        }
        int status = reply.status();
        if (status != 200) {
            log.debug("portal {} ({} items): HTTP {} in {} ms", what, items, status, millisSince(start));
            if (status == 429) {
                tooManyRequests.incrementAndGet();
                meters.call(what, CallMeters.TOO_MANY_REQUESTS);
                throw new Retry("HTTP 429 Too Many Requests", reply.retryAfter().orElse(null));
            }
            if (status >= 500 || status == 408) {
                meters.call(what, CallMeters.UNAVAILABLE);
            } else {
                meters.call(what, CallMeters.REJECTED);
            }
            if (status == 503) {
                throw new Retry("HTTP 503", reply.retryAfter().orElse(null));
            }
            if (status >= 500 || status == 408) {
                // a gateway's 502/504 (and a 500) may come after the portal processed the request
                throw new Retry("HTTP " + status, null, status != 408);
            }
            throw new PortalRejectedException("portal " + what + ": HTTP " + status);
        }
        JsonNode json = reply.body();
        if (json == null || !json.isObject()) {
            log.debug("portal {} ({} items): HTTP 200, unreadable reply, in {} ms", what, items, millisSince(start));
            meters.call(what, CallMeters.UNREADABLE);
            throw new Retry("HTTP 200 with a reply that is not a JSON object", null, true);
        }
        log.debug(
                "portal {} ({} items): HTTP 200, error_code {}, in {} ms", what, items, code(json), millisSince(start));
        if (INTERNAL_ERROR.equals(code(json))) {
            meters.call(what, CallMeters.UNAVAILABLE);
            throw new Retry("portal internal error (error_code 9)");
        }
        meters.call(what, CallMeters.OK);
        return json;
    }

    /**
     * The reply's JSON, or null when it is not JSON; an I/O error (the body cut off) is thrown, and so is a reply beyond
     * the limits of {@link ReplyJson} (refused).
     */
    private JsonNode json(InputStream body) throws IOException {
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new ReplyRefusedException("reply beyond the limits of a JSON reply: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String baseUrl() {
        String base = url.get();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}

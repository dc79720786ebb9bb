package vn.dvcsync.portal;

import vn.dvcsync.kernel.ProvinceProperties;

import vn.dvcsync.kernel.Vietnam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.support.Backoff;
import vn.dvcsync.support.HttpPost;
import vn.dvcsync.support.Pacer;
import vn.dvcsync.support.Retrier;
import vn.dvcsync.support.Retrier.Retry;

/**
 * Client of the national portal's integration adapter (contract: {@code portal-api.md}).
 *
 * <p>One session for all calls (renewed when it expires or the portal answers {@code -1}), every call
 * paced to {@code ratePerSecond}, retried with back-off on 5xx, I/O errors, time-outs and code {@code 9},
 * and after {@code Retry-After} on 429. Thread-safe. Never logs dossier contents.
 *
 * <p>A call whose answer never came (a time-out, a connection lost after sending, HTTP 502/504) may have been
 * processed. Dossiers it carried are looked up before they are sent again. Steps cannot be looked up: with
 * {@link PortalProperties.UnansweredSteps#FAIL} (the default) they are never sent again and come back
 * {@link ItemResult#UNCONFIRMED}; with {@code RESEND} they are sent again and marked {@code resentUnanswered}.
 */
public class PortalClient {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    private static final String JSON = "application/json; charset=utf-8";
    static final String PUSH_DOSSIERS = "DongBoHoSoMC";
    static final String PUSH_STEPS = "CapNhatTienDoHoSoMC";
    static final String FIND_DOSSIER = "TraCuuHoSo";
    static final String LIST_DOSSIERS = "DanhSachHoSo";
    static final String PROCEDURES = "LayDanhSachTTHC";

    private static final String OK = "0";
    private static final String SESSION_INVALID = "-1";
    private static final String MALFORMED = "1";
    private static final String ALREADY_EXISTS = "3";
    private static final String NOT_FOUND = "4";
    private static final String BATCH_TOO_LARGE = "5";
    private static final String INTERNAL_ERROR = "9";

    /** Message of the result of a dossier not sent because the portal already held it as it is. */
    public static final String ALREADY_HELD = "already on the portal as sent";

    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(Vietnam.ZONE);

    /**
     * The portal's final answer for one dossier or step.
     *
     * @param code             the item's {@code error_code}: {@code 0} processed, {@code 2} invalid data (see
     *                         message), {@code 3} already exists, {@code 4} not found; or {@link #UNCONFIRMED}
     * @param message          the portal's message (for code 2 it names the field), null when none; for
     *                         {@link #UNCONFIRMED} what happened
     * @param updated          whether the final answer came from an update ({@code isUpdating "True"})
     * @param resentUnanswered a progress step that went out again after an attempt of this call whose answer never
     *                         came (a time-out, a lost connection, HTTP 502/504): the portal may have appended it
     *                         twice. Steps cannot be looked up; a dossier in that case is looked up before it is resent
     */
    public record ItemResult(String maHoSo, String code, String message, boolean updated, boolean resentUnanswered) {

        /**
         * Not a portal code: a progress step sent without an answer (see {@link #unconfirmed(String, Instant, String)})
         * and, under {@link PortalProperties.UnansweredSteps#FAIL}, not sent again. The portal may or may not hold it.
         */
        public static final String UNCONFIRMED = "UNCONFIRMED";

        public ItemResult(String maHoSo, String code, String message, boolean updated) {
            this(maHoSo, code, message, updated, false);
        }

        /**
         * An {@link #UNCONFIRMED} result, its message {@code sent at <Vietnam time>, the portal's answer was lost
         * (<cause>)}.
         */
        public static ItemResult unconfirmed(String maHoSo, Instant sentAt, String cause) {
            return new ItemResult(maHoSo, UNCONFIRMED,
                    "sent at " + SENT_AT.format(sentAt) + ", the portal's answer was lost (" + cause + ")", false);
        }

        public boolean ok() {
            return OK.equals(code);
        }
    }

    /** One page of {@code DanhSachHoSo}; {@code sau} is null on the last page. */
    public record DossierPage(List<ObjectNode> items, String sau) {

        public boolean last() {
            return sau == null;
        }
    }

    private record Session(String token, long expiresAtNanos) {

        boolean expired() {
            return System.nanoTime() - expiresAtNanos >= 0;
        }
    }

    private final PortalProperties properties;
    private final String madonvi;
    private final PortalUrl url;
    private final ObjectMapper mapper;
    private final HttpPost http;
    private final Pacer pacer;
    private final Retrier retrier;
    private final int batchSize;
    private final boolean resendUnansweredSteps;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong alreadyHeld = new AtomicLong();

    private final Object sessionLock = new Object();
    private volatile Session session;

    public PortalClient(PortalProperties properties, ProvinceProperties province, PortalUrl url, ProducerTemplate template,
                        ObjectMapper mapper) {
        this.properties = properties;
        this.madonvi = province.madonvi();
        this.url = url;
        this.mapper = mapper;
        PortalProperties.Retry retry = properties.retry() != null
                ? properties.retry()
                : new PortalProperties.Retry(6, Duration.ofMillis(200), 2.0, Duration.ofSeconds(30));
        this.http = new HttpPost(template, properties.timeout() != null ? properties.timeout() : Duration.ofSeconds(10));
        this.pacer = new Pacer(properties.ratePerSecond());
        this.retrier = new Retrier(log, "portal", retry.maxAttempts(),
                new Backoff(retry.initialDelay(), retry.multiplier(), retry.maxDelay()));
        this.batchSize = properties.batchSize() > 0 ? properties.batchSize() : 50;
        this.resendUnansweredSteps = properties.unansweredSteps() == PortalProperties.UnansweredSteps.RESEND;
    }

    // ---------------------------------------------------------------- services

    /**
     * Creates ({@code updating} false) or updates dossiers with {@code DongBoHoSoMC}, at most
     * {@code batchSize} a call. A dossier the portal does not have (code {@code 4} on update) is sent again
     * as a create; one it already has (item code {@code 3} on create) is sent again as an update. Once each.
     *
     * @return one final result per dossier, in input order
     * @throws PortalUnavailableException the portal kept failing
     * @throws PortalRejectedException    the portal called the request malformed
     */
    public List<ItemResult> pushDossiers(List<ObjectNode> dossiers, boolean updating) {
        return pushDossiers(dossiers, updating, Set.of());
    }

    /**
     * As {@link #pushDossiers(List, boolean)}, for dossiers some of which were handed to the portal before
     * without the answer being recorded. Those ({@code unconfirmed}, by {@code MaHoSo}) are looked up first
     * ({@code TraCuuHoSo}) and not sent again when the portal already holds them exactly as they are now
     * (their result is code {@code 0}, message {@link #ALREADY_HELD}). The same check is made before a
     * call is resent after an answer that never came (a time-out, a lost connection, HTTP 502/504), so a
     * retry does not write a dossier the portal has already written.
     */
    public List<ItemResult> pushDossiers(List<ObjectNode> dossiers, boolean updating, Set<String> unconfirmed) {
        Set<String> handedBefore = Set.copyOf(unconfirmed);
        List<ItemResult> results = new ArrayList<>(push(PUSH_DOSSIERS, dossiers, updating, unconfirmed));
        String wrongGuess = updating ? NOT_FOUND : ALREADY_EXISTS;
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (wrongGuess.equals(results.get(i).code())) {
                again.add(i);
            }
        }
        if (!again.isEmpty()) {
            log.info("portal {}: {} dossier(s) {}", PUSH_DOSSIERS, again.size(), updating
                    ? "unknown to the portal; sending them again as creates"
                    : "already on the portal; sending them again as updates (after a look-up if unconfirmed)");
            List<ObjectNode> resend = again.stream().map(dossiers::get).toList();
            // For a dossier handed over before without an answer, "already exists" may mean that earlier attempt
            // got through: check before writing. Any other dossier is written: the portal's copy came from
            // elsewhere, and at least its NgayCapNhat is behind.
            Set<String> check = new HashSet<>(updating ? Set.of() : codes(resend));
            check.retainAll(handedBefore);
            List<ItemResult> second = push(PUSH_DOSSIERS, resend, !updating, check);
            for (int k = 0; k < again.size(); k++) {
                results.set(again.get(k), second.get(k));
            }
        }
        return results;
    }

    /**
     * Sends processing steps with {@code CapNhatTienDoHoSoMC}, at most {@code batchSize} a call.
     *
     * <p>Steps carried by a call whose answer never came (a time-out, a connection lost after sending, HTTP
     * 502/504, a reply that cannot be read or matched to them) may have been appended. With
     * {@code unanswered-steps: fail} their result is {@link ItemResult#UNCONFIRMED} and no further call carries
     * them; the other calls go on. Then, when this method throws, no call it made can have been processed. With
     * {@code resend} they are sent again ({@link ItemResult#resentUnanswered()}).
     *
     * @return one result per step, in input order
     */
    public List<ItemResult> pushSteps(List<ObjectNode> steps) {
        return push(PUSH_STEPS, steps, null, Set.of());
    }

    /** The dossier as the portal holds it ({@code TraCuuHoSo}), with {@code NgayDongBo} and {@code NgayCapNhat}. */
    public Optional<ObjectNode> findDossier(String maHoSo) {
        ObjectNode params = mapper.createObjectNode().put("service", FIND_DOSSIER).put("mahoso", maHoSo);
        JsonNode reply = integrate(FIND_DOSSIER, params, 1);
        String code = code(reply);
        if (NOT_FOUND.equals(code)) {
            return Optional.empty();
        }
        if (OK.equals(code) && reply.path("result").isObject()) {
            return Optional.of((ObjectNode) reply.get("result"));
        }
        throw unexpected(FIND_DOSSIER, reply);
    }

    /**
     * One page of the province's dossiers received in {@code [tungay, denngay)} ({@code DanhSachHoSo}),
     * ordered by {@code MaHoSo} in byte order.
     *
     * @param sau      the previous page's {@code sau}; null for the first page
     * @param sobanghi page size (at most 5000)
     */
    public DossierPage listDossiers(String tungay, String denngay, String sau, int sobanghi) {
        ObjectNode params = mapper.createObjectNode()
                .put("service", LIST_DOSSIERS)
                .put("tungay", tungay)
                .put("denngay", denngay);
        if (sau != null) {
            params.put("sau", sau);
        }
        params.put("sobanghi", sobanghi);
        JsonNode reply = integrate(LIST_DOSSIERS, params, 0);
        if (!OK.equals(code(reply)) || !reply.path("result").isArray()) {
            throw unexpected(LIST_DOSSIERS, reply);
        }
        JsonNode next = reply.get("sau");
        return new DossierPage(objects(reply.get("result")),
                next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText());
    }

    /** The province's procedures in the national procedure database ({@code LayDanhSachTTHC}). */
    public List<ObjectNode> procedures() {
        JsonNode reply = integrate(PROCEDURES, mapper.createObjectNode().put("service", PROCEDURES), 0);
        if (!OK.equals(code(reply)) || !reply.path("result").isArray()) {
            throw unexpected(PROCEDURES, reply);
        }
        return objects(reply.get("result"));
    }

    // ---------------------------------------------------------------- counters

    /** HTTP requests sent to the portal (logins and retries included). */
    public long calls() {
        return calls.get();
    }

    /** HTTP 429 answers seen. */
    public long tooManyRequests() {
        return tooManyRequests.get();
    }

    /** Attempts repeated after a failure. */
    public long retries() {
        return retrier.retries();
    }

    /** Dossiers not sent because the portal already held them as they were (see {@link #pushDossiers(List, boolean, Set)}). */
    public long alreadyHeld() {
        return alreadyHeld.get();
    }

    /** Sessions opened. */
    public long logins() {
        return logins.get();
    }

    // ---------------------------------------------------------------- batches

    private List<ItemResult> push(String service, List<ObjectNode> items, Boolean updating, Set<String> unconfirmed) {
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            results.addAll(pushBatch(service, items.subList(from, Math.min(items.size(), from + batchSize)), updating,
                    new HashSet<>(unconfirmed)));
        }
        return results;
    }

    /**
     * What one attempt sent (indices into the batch), when, and the reply; no reply when nothing was left to send
     * or, for steps not to be resent, the reply never came.
     */
    private record Sent(List<Integer> items, JsonNode reply, Instant at) {
    }

    /**
     * One call of a batch, retried. Before each attempt the dossiers in {@code check} are looked up and
     * settled without sending when the portal holds them as they are; an attempt whose answer never came
     * puts the dossiers it carried into {@code check} for the next one. Steps carried by such an attempt are
     * {@link ItemResult#UNCONFIRMED} and the call ends, or, with {@code unanswered-steps: resend}, go out again.
     */
    private List<ItemResult> pushBatch(String service, List<ObjectNode> batch, Boolean updating, Set<String> check) {
        boolean update = Boolean.TRUE.equals(updating);
        ItemResult[] results = new ItemResult[batch.size()];
        // steps resent after an attempt whose answer never came (a dossier is put into `check` instead)
        Set<Integer> unanswered = new HashSet<>();
        AtomicBoolean renewed = new AtomicBoolean();
        Sent sent = retrier.run(service, () -> {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                ObjectNode item = batch.get(i);
                if (check.remove(maHoSo(item)) && heldAsSent(item)) {
                    results[i] = new ItemResult(maHoSo(item), OK, ALREADY_HELD, update);
                    alreadyHeld.incrementAndGet();
                } else if (results[i] == null) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                return new Sent(open, null, null);
            }
            List<ObjectNode> items = open.stream().map(batch::get).toList();
            ObjectNode params = mapper.createObjectNode().put("service", service);
            if (updating != null) {
                params.put("isUpdating", updating ? "True" : "False");
            }
            params.putArray("data").addAll(items);
            Instant sentAt = Instant.now();
            try {
                return new Sent(open, attempt(service, params, items.size(), renewed), sentAt);
            } catch (Retry retry) {
                if (retry.mayHaveBeenProcessed()) {
                    if (PUSH_DOSSIERS.equals(service)) {
                        items.forEach(item -> check.add(maHoSo(item)));
                    } else if (resendUnansweredSteps) {
                        unanswered.addAll(open);
                    } else {
                        log.warn("portal {}: no answer to a call of {} steps ({}); they may have been appended and are "
                                + "not sent again (unanswered-steps: fail)", service, open.size(), retry.getMessage());
                        for (int i : open) {
                            results[i] = ItemResult.unconfirmed(maHoSo(batch.get(i)), sentAt, retry.getMessage());
                        }
                        return new Sent(List.of(), null, sentAt);
                    }
                }
                throw retry;
            }
        }, PortalUnavailableException::new);
        if (sent.reply() != null) {
            List<ObjectNode> items = sent.items().stream().map(batch::get).toList();
            List<ItemResult> answers = answers(service, items, updating, sent.reply(), check, sent.at());
            for (int k = 0; k < items.size(); k++) {
                int i = sent.items().get(k);
                ItemResult a = answers.get(k);
                results[i] = unanswered.contains(i)
                        ? new ItemResult(a.maHoSo(), a.code(), a.message(), a.updated(), true) : a;
            }
        }
        return Arrays.asList(results);
    }

    /**
     * The per-item results of a reply sent at {@code sentAt}; a batch the portal calls too large (code 5) is split in
     * halves and resent.
     */
    private List<ItemResult> answers(String service, List<ObjectNode> batch, Boolean updating, JsonNode reply,
                                     Set<String> check, Instant sentAt) {
        String code = code(reply);
        if (BATCH_TOO_LARGE.equals(code)) {
            if (batch.size() == 1) {
                throw new PortalRejectedException("portal " + service + ": even one item is too large a batch (error_code 5)");
            }
            log.info("portal {}: batch of {} too large (error_code 5); splitting it in halves", service, batch.size());
            int half = (batch.size() + 1) / 2;
            List<ItemResult> results = new ArrayList<>(pushBatch(service, batch.subList(0, half), updating, check));
            results.addAll(pushBatch(service, batch.subList(half, batch.size()), updating, check));
            return results;
        }
        boolean update = Boolean.TRUE.equals(updating);
        JsonNode result = reply.path("result");
        List<ItemResult> results = new ArrayList<>(batch.size());
        if (!OK.equals(code) && !result.isArray()) {
            // the whole call got one answer: it holds for every item
            for (ObjectNode item : batch) {
                results.add(new ItemResult(maHoSo(item), code, message(reply), update));
            }
            return results;
        }
        List<JsonNode> aligned = align(batch, result);
        if (aligned == null) {
            String mismatch = result.size() + " item results for " + batch.size() + " items";
            if (PUSH_STEPS.equals(service) && !resendUnansweredSteps) {
                // some may have been appended, which ones is unknown: as if the answer had been lost
                log.warn("portal {}: {}; the steps are not sent again (unanswered-steps: fail)", service, mismatch);
                for (ObjectNode item : batch) {
                    results.add(ItemResult.unconfirmed(maHoSo(item), sentAt, "its reply could not be matched to the steps: " + mismatch));
                }
                return results;
            }
            throw new PortalRejectedException("portal " + service + ": " + mismatch);
        }
        for (int i = 0; i < batch.size(); i++) {
            results.add(new ItemResult(maHoSo(batch.get(i)), code(aligned.get(i)), message(aligned.get(i)), update));
        }
        return results;
    }

    /** Whether the portal holds this dossier with every field as given ({@code TraCuuHoSo}). */
    private boolean heldAsSent(ObjectNode dossier) {
        String code = maHoSo(dossier);
        if (code == null) {
            return false;
        }
        Optional<ObjectNode> held = findDossier(code);
        if (held.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : dossier.properties()) {
            if (!field.getValue().equals(held.get().get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The item results in request order: as sent when they match it, else matched by {@code MaHoSo}. */
    private static List<JsonNode> align(List<ObjectNode> batch, JsonNode result) {
        if (!result.isArray() || result.size() != batch.size()) {
            return null;
        }
        List<JsonNode> inOrder = new ArrayList<>(batch.size());
        boolean matches = true;
        for (int i = 0; i < batch.size(); i++) {
            JsonNode r = result.get(i);
            String got = r.path("MaHoSo").asText("");
            matches &= got.isEmpty() || got.equals(maHoSo(batch.get(i)));
            inOrder.add(r);
        }
        if (matches) {
            return inOrder;
        }
        Map<String, JsonNode> byCode = new HashMap<>();
        result.forEach(r -> byCode.put(r.path("MaHoSo").asText(""), r));
        List<JsonNode> aligned = new ArrayList<>(batch.size());
        for (ObjectNode item : batch) {
            JsonNode r = byCode.get(maHoSo(item));
            if (r == null) {
                return null;
            }
            aligned.add(r);
        }
        return aligned;
    }

    // ---------------------------------------------------------------- calls

    /** One {@code /integration} call: session, retries and re-login handled; codes 0, 2–5 returned. */
    private JsonNode integrate(String service, ObjectNode params, int items) {
        AtomicBoolean renewed = new AtomicBoolean();
        return retrier.run(service, () -> attempt(service, params, items, renewed), PortalUnavailableException::new);
    }

    /**
     * One attempt of an {@code /integration} call. A refused session ({@code -1}) leads to one new login
     * per call ({@code renewed}) and the request is resent at once; refused again, the portal is unavailable.
     */
    private JsonNode attempt(String service, ObjectNode params, int items, AtomicBoolean renewed) throws Retry {
        String token = token();
        JsonNode reply = post(service, "/integration", envelope(token, params), items);
        if (SESSION_INVALID.equals(code(reply))) {
            if (!renewed.compareAndSet(false, true)) {
                throw sessionRefusedAgain(service);
            }
            log.info("portal {}: session refused (error_code -1); logging in again", service);
            reply = post(service, "/integration", envelope(renew(token), params), items);
            if (SESSION_INVALID.equals(code(reply))) {
                throw sessionRefusedAgain(service);
            }
        }
        if (MALFORMED.equals(code(reply))) {
            throw new PortalRejectedException("portal " + service + ": request refused as malformed (error_code 1): "
                    + message(reply));
        }
        return reply;
    }

    private static PortalUnavailableException sessionRefusedAgain(String service) {
        return new PortalUnavailableException("portal " + service
                + ": session refused (error_code -1) again right after a fresh login");
    }

    private ObjectNode envelope(String token, ObjectNode params) {
        ObjectNode body = mapper.createObjectNode();
        body.put("session", token);
        body.put("madonvi", madonvi);
        body.setAll(params);
        return body;
    }

    /** The reply's JSON, or null when it is not JSON; an I/O error (the body cut off) is thrown. */
    private JsonNode json(InputStream body) throws IOException {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * One paced HTTP request. Asks for a retry on I/O errors, time-outs, 429, 5xx, unreadable replies
     * and {@code error_code 9}; any other status than 200 is a defect.
     */
    private JsonNode post(String what, String path, ObjectNode body, int items) throws Retry {
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
            reply = http.post(baseUrl() + path, JSON, Map.of(), bytes, (code, stream) -> code == 200 ? json(stream) : null);
        } catch (IOException e) {
            log.debug("portal {} ({} items): no reply after {} ms", what, items, millisSince(start));
            // refused before anything was sent, or sent and the answer lost (time-out, reset)
            boolean sent = !(e instanceof ConnectException || e instanceof UnknownHostException);
            throw new Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), e, sent);
        }
        int status = reply.status();
        if (status != 200) {
            log.debug("portal {} ({} items): HTTP {} in {} ms", what, items, status, millisSince(start));
            if (status == 429) {
                tooManyRequests.incrementAndGet();
                throw new Retry("HTTP 429 Too Many Requests", reply.retryAfter().orElse(null));
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
            throw new Retry("HTTP 200 with a reply that is not a JSON object", null, true);
        }
        log.debug("portal {} ({} items): HTTP 200, error_code {}, in {} ms", what, items, code(json), millisSince(start));
        if (INTERNAL_ERROR.equals(code(json))) {
            throw new Retry("portal internal error (error_code 9)");
        }
        return json;
    }

    // ---------------------------------------------------------------- session

    private String token() {
        Session current = session;
        if (current != null && !current.expired()) {
            return current.token();
        }
        synchronized (sessionLock) {
            current = session;
            if (current == null || current.expired()) {
                current = login();
                session = current;
            }
            return current.token();
        }
    }

    /** A new session, unless another thread already replaced the refused one. */
    private String renew(String refused) {
        synchronized (sessionLock) {
            Session current = session;
            if (current == null || current.token().equals(refused) || current.expired()) {
                current = login();
                session = current;
            }
            return current.token();
        }
    }

    private Session login() {
        ObjectNode body = mapper.createObjectNode()
                .put("username", properties.username())
                .put("password", properties.password());
        JsonNode reply = retrier.run("auth", () -> post("auth", "/auth", body, 0), PortalUnavailableException::new);
        String token = reply.path("session").asText("");
        if (!OK.equals(code(reply)) || token.isEmpty()) {
            throw new PortalRejectedException("portal login refused (error_code " + code(reply) + "): " + message(reply));
        }
        logins.incrementAndGet();
        long seconds = Math.max(0, reply.path("expires_in").asLong(1800));
        long margin = Math.min(30, seconds / 10);
        log.info("portal session opened for {} s", seconds);
        return new Session(token, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds - margin));
    }

    // ---------------------------------------------------------------- helpers

    private String baseUrl() {
        String base = url.get();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String code(JsonNode node) {
        JsonNode code = node.get("error_code");
        return code == null || code.isNull() ? null : code.asText();
    }

    private static String message(JsonNode node) {
        JsonNode message = node.get("message");
        return message == null || message.isNull() || message.asText().isEmpty() ? null : message.asText();
    }

    private static String maHoSo(JsonNode item) {
        JsonNode code = item.get("MaHoSo");
        return code == null || code.isNull() ? null : code.asText();
    }

    private static Set<String> codes(List<ObjectNode> dossiers) {
        Set<String> codes = new HashSet<>();
        dossiers.forEach(d -> codes.add(maHoSo(d)));
        return codes;
    }

    private static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> items = new ArrayList<>(array.size());
        array.forEach(node -> {
            if (node instanceof ObjectNode object) {
                items.add(object);
            }
        });
        return items;
    }

    private static PortalRejectedException unexpected(String service, JsonNode reply) {
        return new PortalRejectedException("portal " + service + ": unexpected reply (error_code " + code(reply)
                + (message(reply) != null ? ", " + message(reply) : "") + ")");
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}

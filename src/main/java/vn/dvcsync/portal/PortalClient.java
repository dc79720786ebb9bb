package vn.dvcsync.portal;

import static vn.dvcsync.portal.Codes.FIND_DOSSIER;
import static vn.dvcsync.portal.Codes.LIST_DOSSIERS;
import static vn.dvcsync.portal.Codes.OK;
import static vn.dvcsync.portal.Codes.PROCEDURES;
import static vn.dvcsync.portal.Codes.PUSH_STEPS;
import static vn.dvcsync.portal.Codes.code;
import static vn.dvcsync.portal.Codes.objects;
import static vn.dvcsync.portal.Codes.unexpected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.support.Backoff;
import vn.dvcsync.support.CallMeters;
import vn.dvcsync.support.HttpPost;
import vn.dvcsync.support.Pacer;
import vn.dvcsync.support.ReplyJson;
import vn.dvcsync.support.Retrier;

/**
 * Client of the national portal's integration adapter (contract: {@code portal-api.md}).
 *
 * <p>One session for all calls (renewed when it expires or the portal answers {@code -1}), every call
 * paced to {@code ratePerSecond}, retried with back-off on 5xx, I/O errors, time-outs and code {@code 9},
 * and after {@code Retry-After} on 429. Thread-safe. Never logs dossier contents.
 *
 * <p>A call whose answer never came (a time-out, a connection lost after sending, HTTP 502/504) may have been
 * processed. Dossiers it carried are looked up before they are sent again. Steps cannot be looked up: with
 * {@link UnansweredSteps#FAIL} (the default) they are never sent again and come back
 * {@link ItemCode#UNCONFIRMED}; with {@code RESEND} they are sent again and marked {@code resentUnanswered}.
 *
 * <p>A façade: {@link Transport} (one paced request, its status classified), {@link Session} (the session and the
 * calls made in it), {@link Codes} (the protocol), {@link BatchPush} (calls of at most {@code batchSize}, replies
 * aligned, unanswered calls) and {@link DossierPush} (the create/update fallback) do the work.
 */
public class PortalClient {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    /** Message of the result of a dossier not sent because the portal already held it as it is. */
    public static final String ALREADY_HELD = "already on the portal as sent";

    /**
     * The portal's final answer for one dossier or step.
     *
     * @param code             the item's {@code error_code} ({@link ItemCode}): {@code 0} processed, {@code 2} invalid
     *                         data (see message), {@code 3} already exists, {@code 4} not found; or
     *                         {@link ItemCode#UNCONFIRMED}
     * @param message          the portal's message (for code 2 it names the field), null when none; for
     *                         {@link ItemCode#UNCONFIRMED} what happened
     * @param updated          whether the final answer came from an update ({@code isUpdating "True"})
     * @param resentUnanswered a progress step that went out again after an attempt of this call whose answer never
     *                         came (a time-out, a lost connection, HTTP 502/504): the portal may have appended it
     *                         twice. Steps cannot be looked up; a dossier in that case is looked up before it is resent
     */
    public record ItemResult(String maHoSo, String code, String message, boolean updated, boolean resentUnanswered) {

        public ItemResult(String maHoSo, String code, String message, boolean updated) {
            this(maHoSo, code, message, updated, false);
        }

        /**
         * An {@link ItemCode#UNCONFIRMED} result, its message {@code sent at <Vietnam time>, the portal's answer was
         * lost (<cause>)}.
         */
        public static ItemResult unconfirmed(String maHoSo, Instant sentAt, String cause) {
            return new ItemResult(maHoSo, ItemCode.UNCONFIRMED.code(), UnansweredSteps.lost(sentAt, cause), false);
        }

        /** The named code. */
        public ItemCode kind() {
            return ItemCode.of(code);
        }

        public boolean is(ItemCode kind) {
            return kind() == kind;
        }

        public boolean ok() {
            return is(ItemCode.PROCESSED);
        }
    }

    /** One page of {@code DanhSachHoSo}; {@code sau} is null on the last page. */
    public record DossierPage(List<ObjectNode> items, String sau) {

        public boolean last() {
            return sau == null;
        }
    }

    private final ObjectMapper mapper;
    private final Retrier retrier;
    private final UnansweredSteps unansweredSteps;
    private final Transport transport;
    private final Session session;
    private final BatchPush batches;
    private final DossierPush dossiers;
    private final CallMeters meters;

    public PortalClient(
            PortalProperties properties,
            ProvinceProperties province,
            PortalUrl url,
            ProducerTemplate template,
            ObjectMapper mapper) {
        this(properties, province, url, template, mapper, CallMeters.none("portal"));
    }

    /** @param meters where the calls and retries are counted ({@code dvcsync.portal.*}) */
    public PortalClient(
            PortalProperties properties,
            ProvinceProperties province,
            PortalUrl url,
            ProducerTemplate template,
            ObjectMapper mapper,
            CallMeters meters) {
        this.meters = meters;
        PortalProperties.Retry retry = properties.retry() != null
                ? properties.retry()
                : new PortalProperties.Retry(6, Duration.ofMillis(200), 2.0, Duration.ofSeconds(30));
        long maxReply = (properties.maxReplySize() != null
                        ? properties.maxReplySize()
                        : PortalProperties.DEFAULT_MAX_REPLY_SIZE)
                .toBytes();
        this.mapper = ReplyJson.forReplies(mapper, maxReply);
        this.retrier = new Retrier(
                log,
                "portal",
                retry.maxAttempts(),
                new Backoff(retry.initialDelay(), retry.multiplier(), retry.maxDelay()),
                meters);
        this.unansweredSteps =
                properties.unansweredSteps() != null ? properties.unansweredSteps() : UnansweredSteps.FAIL;
        this.transport = new Transport(
                url,
                this.mapper,
                new HttpPost(
                        template,
                        properties.timeout() != null ? properties.timeout() : Duration.ofSeconds(10),
                        maxReply),
                new Pacer(properties.ratePerSecond()),
                meters);
        this.session = new Session(properties, province.madonvi(), this.mapper, transport, retrier);
        this.batches = new BatchPush(
                session,
                retrier,
                this.mapper,
                properties.batchSize() > 0 ? properties.batchSize() : 50,
                unansweredSteps,
                this::findDossier);
        this.dossiers = new DossierPush(batches);
    }

    /** What becomes of progress steps whose sending got no answer ({@code dvcsync.portal.unanswered-steps}). */
    public UnansweredSteps unansweredSteps() {
        return unansweredSteps;
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
        return this.dossiers.push(dossiers, updating, unconfirmed);
    }

    /**
     * Sends processing steps with {@code CapNhatTienDoHoSoMC}, at most {@code batchSize} a call.
     *
     * <p>Steps carried by a call whose answer never came (a time-out, a connection lost after sending, HTTP
     * 502/504, a reply that cannot be read or matched to them) may have been appended. With
     * {@code unanswered-steps: fail} their result is {@link ItemCode#UNCONFIRMED} and no further call carries
     * them; the other calls go on. Then, when this method throws, no call it made can have been processed. With
     * {@code resend} they are sent again ({@link ItemResult#resentUnanswered()}).
     *
     * @return one result per step, in input order
     */
    public List<ItemResult> pushSteps(List<ObjectNode> steps) {
        return batches.push(PUSH_STEPS, steps, null, Set.of());
    }

    /** The dossier as the portal holds it ({@code TraCuuHoSo}), with {@code NgayDongBo} and {@code NgayCapNhat}. */
    public Optional<ObjectNode> findDossier(String maHoSo) {
        ObjectNode params =
                mapper.createObjectNode().put("service", FIND_DOSSIER).put("mahoso", maHoSo);
        JsonNode reply = session.integrate(FIND_DOSSIER, params, 1);
        String code = code(reply);
        if (ItemCode.NOT_FOUND.code().equals(code)) {
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
        JsonNode reply = session.integrate(LIST_DOSSIERS, params, 0);
        if (!OK.equals(code(reply)) || !reply.path("result").isArray()) {
            throw unexpected(LIST_DOSSIERS, reply);
        }
        JsonNode next = reply.get("sau");
        return new DossierPage(
                objects(reply.get("result")),
                next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText());
    }

    /** The province's procedures in the national procedure database ({@code LayDanhSachTTHC}). */
    public List<ObjectNode> procedures() {
        JsonNode reply = session.integrate(PROCEDURES, mapper.createObjectNode().put("service", PROCEDURES), 0);
        if (!OK.equals(code(reply)) || !reply.path("result").isArray()) {
            throw unexpected(PROCEDURES, reply);
        }
        return objects(reply.get("result"));
    }

    /** The codes ({@code MaTTHC}) of the province's catalogue, blank ones left out: what a dossier may cite. */
    public Set<String> procedureCodes() {
        Set<String> codes = new HashSet<>();
        for (ObjectNode p : procedures()) {
            String code = p.path("MaTTHC").asText("");
            if (!code.isBlank()) {
                codes.add(code);
            }
        }
        return codes;
    }

    // ---------------------------------------------------------------- counters

    /** The calls made so far, counted and the last ones kept. */
    public CallMeters meters() {
        return meters;
    }

    /** HTTP requests sent to the portal (logins and retries included). */
    public long calls() {
        return transport.calls();
    }

    /** HTTP 429 answers seen. */
    public long tooManyRequests() {
        return transport.tooManyRequests();
    }

    /** Attempts repeated after a failure. */
    public long retries() {
        return retrier.retries();
    }

    /** Dossiers not sent because the portal already held them as they were (see {@link #pushDossiers(List, boolean, Set)}). */
    public long alreadyHeld() {
        return batches.alreadyHeld();
    }

    /** Sessions opened. */
    public long logins() {
        return session.logins();
    }
}

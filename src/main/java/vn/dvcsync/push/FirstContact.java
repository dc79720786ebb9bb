package vn.dvcsync.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.ledger.FirstContactSpan;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.PortalCopy;
import vn.dvcsync.mapping.PortalTime;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalClient.DossierPage;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.reconcile.ReconcileProperties;

/**
 * An incremental run's first contact, before its push: which of the dossiers the ledger has never delivered the
 * portal already holds (a previous integration sent them), read from the portal's {@code DanhSachHoSo} pages (one
 * call tells it for up to {@code dvcsync.reconcile.page-size} dossiers, where a create answered "already exists"
 * costs a call per batch and then an update). Of those the portal holds:
 * <ul>
 * <li>one whose copy carries every field as the push would send it, and is not stale (its {@code NgayCapNhat} not
 *     before the city's last change less {@code dvcsync.reconcile.freshness}), is adopted: {@code DELIVERED}, reason
 *     {@code ADOPTED}, not sent;</li>
 * <li>any other is sent once, as an update ({@code isUpdating: "True"});</li>
 * <li>their steps follow {@code dvcsync.reconcile.steps-on-first-contact}, as in the nightly run's first contact.</li>
 * </ul>
 * The dossiers the portal lacks are created, as before. The listing is bounded: it reads the pages of the waiting
 * dossiers' receipt times, from just before the smallest code to past the largest, and never more pages than the
 * waiting dossiers fill batches ({@code dvcsync.portal.batch-size}), so it never costs more calls than the creates
 * it spares. A listing that cannot be read (the breaker open, the portal failing or lacking the service) changes
 * nothing: what it did not cover is sent as before (a create, and an update after "already exists"), never held back.
 */
@Component("firstContact")
public class FirstContact {

    private static final Logger log = LoggerFactory.getLogger(FirstContact.class);
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Run count of the {@code DanhSachHoSo} pages read for the first contact. */
    static final String PAGES = "first_contact.pages";
    /** Run count of the waiting dossiers the portal turned out to hold (adopted or sent as updates). */
    static final String HELD = "first_contact.held_on_portal";

    private final Ledger ledger;
    private final PortalClient portal;
    private final CircuitBreaker breaker;
    private final ObjectMapper json;
    private final RunCounters counters;
    private final int batchSize;
    private final int pageSize;
    private final Duration freshness;
    private final boolean stepsUpToCopy;

    FirstContact(
            Ledger ledger,
            PortalClient portal,
            @Qualifier("portalCircuitBreaker") CircuitBreaker breaker,
            ObjectMapper json,
            RunCounters counters,
            PortalProperties portalProps,
            ReconcileProperties reconcile) {
        this.ledger = ledger;
        this.portal = portal;
        this.breaker = breaker;
        this.json = json;
        this.counters = counters;
        this.batchSize = portalProps.batchSize() > 0 ? portalProps.batchSize() : 50;
        this.pageSize = reconcile.pageSize();
        this.freshness = reconcile.freshness();
        this.stepsUpToCopy = reconcile.stepsUpToPortalCopy();
    }

    /** Asks the portal which waiting dossiers it holds and records the answer in the ledger (see the class). */
    public void learn(String runId) {
        FirstContactSpan span = ledger.firstContactSpan();
        if (span.dossiers() == 0) {
            return;
        }
        long budget = (span.dossiers() + batchSize - 1) / batchSize;
        String from = span.receivedFrom();
        String to;
        try {
            to = plusOneSecond(span.receivedTo());
        } catch (DateTimeException e) {
            log.warn(
                    "Run {}: first contact skipped, the latest NgayTiepNhan of the waiting dossiers is no time ({}): they"
                            + " are sent as creates, and as updates where the portal answers \"already exists\"",
                    runId,
                    e.getMessage());
            return;
        }
        String sau = before(span.firstKey());
        long pages = 0;
        long held = 0;
        long adopted = 0;
        boolean complete = false;
        while (pages < budget) {
            DossierPage page;
            try {
                String after = sau;
                // through the breaker: no call reaches a portal known to be down
                page = breaker.executeSupplier(() -> portal.listDossiers(from, to, after, pageSize));
            } catch (RuntimeException e) {
                log.warn(
                        "Run {}: the portal's dossier list (DanhSachHoSo) could not be read for the first contact of"
                                + " {} dossiers, after {} pages: those it did not cover are sent as creates, and as"
                                + " updates where the portal answers \"already exists\": {}",
                        runId,
                        span.dossiers(),
                        pages,
                        e.getMessage());
                break;
            }
            pages++;
            List<PortalCopy> copies = copies(page.items());
            held += copies.size();
            adopted += ledger.firstContact(copies, stepsUpToCopy, runId);
            if (page.last() || compareBytes(page.sau(), span.lastKey()) >= 0) {
                complete = true;
                break;
            }
            sau = page.sau();
        }
        if (!complete && pages == budget) {
            log.info(
                    "Run {}: first contact read its {} pages of DanhSachHoSo (as many as the {} waiting dossiers fill"
                            + " batches) before reaching the last of them: the rest are sent as creates",
                    runId,
                    pages,
                    span.dossiers());
        }
        counters.add(runId, PAGES, pages);
        counters.add(runId, HELD, held);
        log.info(
                "Run {}: first contact with {} dossiers: {} pages of DanhSachHoSo, {} already on the portal ({} adopted"
                        + " as they are, the rest to be sent as updates)",
                runId,
                span.dossiers(),
                pages,
                held,
                adopted);
    }

    /** The waiting dossiers of one page that the portal holds, each with what the push would send. */
    private List<PortalCopy> copies(List<ObjectNode> items) {
        Map<String, ObjectNode> byCode = new HashMap<>();
        for (ObjectNode item : items) {
            String code = item.path("MaHoSo").asText("");
            if (!code.isEmpty()) {
                byCode.put(code, item);
            }
        }
        List<PortalCopy> copies = new ArrayList<>();
        for (Ledger.Waiting w : ledger.firstContactAmong(byCode.keySet())) {
            ObjectNode copy = byCode.get(w.key());
            JsonNode payload = parse(w);
            String updated = time(copy.path("NgayCapNhat").asText(""));
            copies.add(new PortalCopy(
                    w.key(),
                    w.version(),
                    w.unitCode(),
                    w.payload(),
                    heldAsIs(payload, copy, w.version(), updated),
                    updated));
        }
        return copies;
    }

    /**
     * The copy carries every field as the push would send it and is fresh: the portal's last update not before the
     * city's last change ({@code version}, epoch µs; 0 for none) less the freshness window.
     */
    private boolean heldAsIs(JsonNode payload, ObjectNode copy, long version, String updated) {
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            if (!field.getValue().equals(copy.get(field.getKey()))) {
                return false;
            }
        }
        if (version == 0) {
            return true;
        }
        String freshFrom = PortalTime.format(
                Instant.EPOCH.plus(version, ChronoUnit.MICROS).minus(freshness).atOffset(ZoneOffset.UTC));
        return updated != null && updated.compareTo(freshFrom) >= 0;
    }

    private JsonNode parse(Ledger.Waiting w) {
        try {
            return json.readTree(w.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Ledger dossier " + w.key() + " holds unreadable JSON", e);
        }
    }

    /** A well-formed portal time ({@code yyyyMMddHHmmss}), else null. */
    private static String time(String text) {
        return text.length() == 14 && text.chars().allMatch(c -> c >= '0' && c <= '9') ? text : null;
    }

    /** The list's end bound is exclusive: one second after the latest receipt. */
    private static String plusOneSecond(String time) {
        return LocalDateTime.parse(time, PORTAL_TIME).plusSeconds(1).format(PORTAL_TIME);
    }

    /** A {@code sau} strictly before {@code key} in byte order (a proper prefix of it); null: from the first page. */
    private static String before(String key) {
        return key == null || key.length() < 2 ? null : key.substring(0, key.length() - 1);
    }

    /** {@code MaHoSo} order as the portal lists it: the bytes of UTF-8, unsigned. */
    static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

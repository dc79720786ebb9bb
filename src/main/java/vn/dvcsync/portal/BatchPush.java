package vn.dvcsync.portal;

import static vn.dvcsync.portal.Codes.BATCH_TOO_LARGE;
import static vn.dvcsync.portal.Codes.OK;
import static vn.dvcsync.portal.Codes.PUSH_DOSSIERS;
import static vn.dvcsync.portal.Codes.PUSH_STEPS;
import static vn.dvcsync.portal.Codes.code;
import static vn.dvcsync.portal.Codes.maHoSo;
import static vn.dvcsync.portal.Codes.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcsync.portal.PortalClient.ItemResult;
import vn.dvcsync.support.Retrier;
import vn.dvcsync.support.Retrier.Retry;

/**
 * A push of dossiers or steps cut into calls of at most {@code batchSize}, each call retried, its reply aligned with
 * what it carried (in order, else by {@code MaHoSo}); a batch the portal calls too large (code 5) split in halves.
 * A call whose answer never came may have been processed: the dossiers it carried are looked up before the next
 * attempt, and its steps follow {@link UnansweredSteps}.
 */
final class BatchPush {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    /**
     * What one attempt sent (indices into the batch), when, and the reply; no reply when nothing was left to send
     * or, for steps not to be resent, the reply never came.
     */
    private record Sent(List<Integer> items, JsonNode reply, Instant at) {}

    private final Session session;
    private final Retrier retrier;
    private final ObjectMapper mapper;
    private final int batchSize;
    private final UnansweredSteps unansweredSteps;
    private final Function<String, Optional<ObjectNode>> find;
    private final AtomicLong alreadyHeld = new AtomicLong();

    BatchPush(
            Session session,
            Retrier retrier,
            ObjectMapper mapper,
            int batchSize,
            UnansweredSteps unansweredSteps,
            Function<String, Optional<ObjectNode>> find) {
        this.session = session;
        this.retrier = retrier;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.unansweredSteps = unansweredSteps;
        this.find = find;
    }

    long alreadyHeld() {
        return alreadyHeld.get();
    }

    /** One result per item, in input order; {@code updating} null for steps. */
    List<ItemResult> push(String service, List<ObjectNode> items, Boolean updating, Set<String> unconfirmed) {
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            results.addAll(pushBatch(
                    service,
                    items.subList(from, Math.min(items.size(), from + batchSize)),
                    updating,
                    new HashSet<>(unconfirmed)));
        }
        return results;
    }

    /**
     * One call of a batch, retried. Before each attempt the dossiers in {@code check} are looked up and
     * settled without sending when the portal holds them as they are; an attempt whose answer never came
     * puts the dossiers it carried into {@code check} for the next one. Steps carried by such an attempt are
     * {@link ItemCode#UNCONFIRMED} and the call ends, or, with {@code unanswered-steps: resend}, go out again.
     */
    private List<ItemResult> pushBatch(String service, List<ObjectNode> batch, Boolean updating, Set<String> check) {
        boolean update = Boolean.TRUE.equals(updating);
        ItemResult[] results = new ItemResult[batch.size()];
        // steps resent after an attempt whose answer never came (a dossier is put into `check` instead)
        Set<Integer> unanswered = new HashSet<>();
        AtomicBoolean renewed = new AtomicBoolean();
        Sent sent = retrier.run(
                service,
                () -> {
                    List<Integer> open = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        ObjectNode item = batch.get(i);
                        if (check.remove(maHoSo(item)) && heldAsSent(item)) {
                            results[i] = new ItemResult(maHoSo(item), OK, PortalClient.ALREADY_HELD, update);
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
                        return new Sent(open, session.attempt(service, params, items.size(), renewed), sentAt);
                    } catch (Retry retry) {
                        if (retry.mayHaveBeenProcessed()) {
                            if (PUSH_DOSSIERS.equals(service)) {
                                items.forEach(item -> check.add(maHoSo(item)));
                            } else if (unansweredSteps.resends()) {
                                unanswered.addAll(open);
                            } else {
                                log.warn(
                                        "portal {}: no answer to a call of {} steps ({}); they may have been appended and are "
                                                + "not sent again (unanswered-steps: fail)",
                                        service,
                                        open.size(),
                                        retry.getMessage());
                                for (int i : open) {
                                    results[i] =
                                            ItemResult.unconfirmed(maHoSo(batch.get(i)), sentAt, retry.getMessage());
                                }
                                return new Sent(List.of(), null, sentAt);
                            }
                        }
                        throw retry;
                    }
                },
                PortalUnavailableException::new);
        if (sent.reply() != null) {
            List<ObjectNode> items = sent.items().stream().map(batch::get).toList();
            List<ItemResult> answers = answers(service, items, updating, sent.reply(), check, sent.at());
            for (int k = 0; k < items.size(); k++) {
                int i = sent.items().get(k);
                ItemResult a = answers.get(k);
                results[i] = unanswered.contains(i)
                        ? new ItemResult(a.maHoSo(), a.code(), a.message(), a.updated(), true)
                        : a;
            }
        }
        return Arrays.asList(results);
    }

    /**
     * The per-item results of a reply sent at {@code sentAt}; a batch the portal calls too large (code 5) is split in
     * halves and resent.
     */
    private List<ItemResult> answers(
            String service,
            List<ObjectNode> batch,
            Boolean updating,
            JsonNode reply,
            Set<String> check,
            Instant sentAt) {
        String code = code(reply);
        if (BATCH_TOO_LARGE.equals(code)) {
            if (batch.size() == 1) {
                throw new PortalRejectedException(
                        "portal " + service + ": even one item is too large a batch (error_code 5)");
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
            if (PUSH_STEPS.equals(service) && !unansweredSteps.resends()) {
                // some may have been appended, which ones is unknown: as if the answer had been lost
                log.warn("portal {}: {}; the steps are not sent again (unanswered-steps: fail)", service, mismatch);
                for (ObjectNode item : batch) {
                    results.add(ItemResult.unconfirmed(
                            maHoSo(item), sentAt, "its reply could not be matched to the steps: " + mismatch));
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
        Optional<ObjectNode> held = find.apply(code);
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
}

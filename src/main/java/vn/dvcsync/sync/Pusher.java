package vn.dvcsync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.ledger.Claimed;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalClient.ItemResult;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.run.RunCounters;

/**
 * Ledger → portal, one batch at a time: claims pending rows, sends them, and moves each row by the
 * portal's per-item answer. A call that fails after the client's retries marks the batch's attempt
 * failed (PENDING again, or FAILED after the last attempt) and stops the push.
 */
@Component("pusher")
public class Pusher {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);
    private static final Pattern PORTAL_FIELD = Pattern.compile("\\b([A-Z][A-Za-z]+)\\b");

    private final Ledger ledger;
    private final PortalClient portal;
    private final PortalProperties props;
    private final ObjectMapper json;
    private final RunCounters counters;

    Pusher(Ledger ledger, PortalClient portal, PortalProperties props, ObjectMapper json, RunCounters counters) {
        this.ledger = ledger;
        this.portal = portal;
        this.props = props;
        this.json = json;
        this.counters = counters;
    }

    /** Pushes one batch of pending dossiers; false when there was none. */
    public boolean pushDossierBatch(String runId) {
        List<Claimed> batch = ledger.claimDossiers(props.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<Claimed> creates = batch.stream().filter(c -> !c.deliveredBefore()).toList();
        List<Claimed> updates = batch.stream().filter(Claimed::deliveredBefore).toList();
        send(creates, false, runId);
        send(updates, true, runId);
        return true;
    }

    /** Pushes one batch of pending progress steps whose dossier is on the portal; false when there was none. */
    public boolean pushStepBatch(String runId) {
        List<Claimed> batch = ledger.claimSteps(props.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<ItemResult> results;
        try {
            results = portal.pushSteps(payloads(batch));
        } catch (RuntimeException e) {
            failed(batch, e, runId);
            throw e;
        }
        record(batch, results, runId, "steps");
        return true;
    }

    private void send(List<Claimed> rows, boolean updating, String runId) {
        if (rows.isEmpty()) {
            return;
        }
        List<ItemResult> results;
        try {
            results = portal.pushDossiers(payloads(rows), updating);
        } catch (RuntimeException e) {
            failed(rows, e, runId);
            throw e;
        }
        record(rows, results, runId, "dossiers");
    }

    private void record(List<Claimed> rows, List<ItemResult> results, String runId, String what) {
        List<Long> delivered = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        String retryError = null;
        for (int i = 0; i < rows.size(); i++) {
            Claimed row = rows.get(i);
            ItemResult r = i < results.size() ? results.get(i) : null;
            String code = r == null ? "missing" : r.code();
            switch (code) {
                case "0" -> delivered.add(row.id());
                case "2" -> quarantine(row, r.message(), runId);
                default -> {
                    retry.add(row.id());
                    retryError = "portal item code " + code + (r == null ? "" : ": " + r.message());
                }
            }
        }
        ledger.markDelivered(delivered, runId);
        ledger.markAttemptFailed(retry, retryError, runId);
        counters.add(runId, "pushed." + what, delivered.size());
    }

    /** The portal refused the record's data (item code 2): it waits in quarantine for the city to fix it. */
    private void quarantine(Claimed row, String portalMessage, String runId) {
        String message = portalMessage == null ? "" : portalMessage;
        String field = fieldOf(message);
        String reason = row.parentKey() == null
                ? ("MaTTHC".equals(field) ? "PROCEDURE_UNKNOWN" : Staging.DOSSIER_INVALID)
                : "STEP_INVALID";
        log.info("Portal refused {} {}: {}", row.parentKey() == null ? "dossier" : "step", row.recordKey(), message);
        ledger.markQuarantined(row, reason, field, "Portal refused " + row.recordKey() + ": " + message, runId);
    }

    /** The portal's message names the field it refused; the first field-like word is taken. */
    static String fieldOf(String message) {
        Matcher m = PORTAL_FIELD.matcher(message);
        while (m.find()) {
            String w = m.group(1);
            if (w.length() > 3 && w.chars().skip(1).anyMatch(Character::isUpperCase)) {
                return w;
            }
        }
        return "portal";
    }

    private void failed(List<Claimed> rows, RuntimeException e, String runId) {
        log.warn("Push of {} records failed: {}", rows.size(), e.getMessage());
        ledger.markAttemptFailed(rows.stream().map(Claimed::id).toList(), e.toString(), runId);
    }

    private List<ObjectNode> payloads(List<Claimed> rows) {
        List<ObjectNode> out = new ArrayList<>(rows.size());
        for (Claimed c : rows) {
            try {
                out.add((ObjectNode) json.readTree(c.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Ledger row " + c.id() + " holds unreadable JSON", e);
            }
        }
        return out;
    }
}

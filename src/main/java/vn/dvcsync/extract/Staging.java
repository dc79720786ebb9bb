package vn.dvcsync.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.applicant.ApplicantQueue;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityProperties;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.LedgerEntry;
import vn.dvcsync.ledger.Watermarks;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.mapping.Violation;
import vn.dvcsync.support.Futures;
import vn.dvcsync.support.Stopping;

/**
 * Extract → map → validate → ledger, one page at a time. A page's ledger rows, its applicants to
 * verify and the watermark move in one store transaction, so a crash re-reads the page at worst.
 */
@Component("staging")
public class Staging {

    private static final Logger log = LoggerFactory.getLogger(Staging.class);
    static final String WATERMARK = "dossiers";
    static final String FULL = "full";
    /** Rule prefix of a record quarantined because a column could not be read, e.g. {@code unreadable:due_at}. */
    static final String UNREADABLE = "unreadable:";

    private final CityReader reader;
    private final PortalMapping mapping;
    private final PortalRules rules;
    private final Ledger ledger;
    private final Watermarks watermarks;
    private final ApplicantQueue applicants;
    private final TransactionTemplate tx;
    private final CityProperties city;
    private final ProvinceProperties province;
    private final RunCounters counters;
    private final ObjectMapper json;
    private final Stopping stopping;
    /** One thread reads the next page from the city while the current one is written to the ledger. */
    private final ExecutorService readingAhead = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "staging-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private final AtomicReference<Ahead> ahead = new AtomicReference<>();

    Staging(
            CityReader reader,
            PortalMapping mapping,
            PortalRules rules,
            Ledger ledger,
            Watermarks watermarks,
            ApplicantQueue applicants,
            TransactionTemplate tx,
            CityProperties city,
            ProvinceProperties province,
            RunCounters counters,
            ObjectMapper json,
            Stopping stopping) {
        this.stopping = stopping;
        this.reader = reader;
        this.mapping = mapping;
        this.rules = rules;
        this.ledger = ledger;
        this.watermarks = watermarks;
        this.applicants = applicants;
        this.tx = tx;
        this.city = city;
        this.province = province;
        this.counters = counters;
        this.json = json;
    }

    /**
     * Where an extraction starts: {@code full} from the beginning; {@code incremental} from the stored
     * watermark less the look-back, so rows committed late with an older timestamp are read too
     * (versions already in the ledger are skipped there).
     */
    public Watermark startCursor(String extraction) {
        if (FULL.equals(extraction)) {
            return Watermark.START;
        }
        Watermark stored = watermarks.get(WATERMARK);
        if (stored.equals(Watermark.START)) {
            return stored;
        }
        return new Watermark(stored.ts().minus(city.lookback()), 0L);
    }

    /**
     * Reads the page after {@code cursor}, stages it and returns the cursor after it, or null when the
     * city has nothing more. While a page is written to the ledger the next one is read from the city and mapped
     * (one page ahead, on one thread): the two take about as long, and the ledger's transactions still follow the
     * city's order, each advancing the watermark past its own page only.
     */
    public Watermark stagePage(Watermark cursor, String runId) {
        if (stopping.requested()) {
            // shutting down: the pages staged so far are recorded, the watermark after them; the next run goes on
            discardAhead();
            return null;
        }
        Prepared page = take(cursor, runId);
        CityReader.Page read = page.read();
        if (read.rows() == 0) {
            ledger.analyseIfGrown();
            return null;
        }
        Watermark next = read.last();
        boolean more = read.rows() == city.pageSize();
        if (more) {
            readAhead(next, runId);
        }
        int fresh;
        try {
            fresh = tx.execute(status -> {
                int n = ledger.stage(page.entries(), runId);
                applicants.stage(read.dossiers());
                watermarks.advance(WATERMARK, next);
                return n;
            });
        } catch (RuntimeException e) {
            // the run stops here or tries this page again: a page read ahead of a failure is read anew
            discardAhead();
            throw e;
        }
        counters.add(runId, "extracted.dossiers", read.rows());
        counters.add(runId, "extracted.steps", page.steps());
        counters.add(runId, "extracted.new_versions", fresh);
        counters.add(runId, "quarantined.at_validation", page.invalid());
        counters.add(runId, "normalised.dossiers", page.normalised());
        counters.add(runId, "quarantined.unreadable", page.unreadable());
        if (!more) {
            // the extraction ends: what follows (the push) plans its queries on the ledger as it is now
            ledger.analyseIfGrown();
        }
        return more ? next : null;
    }

    /** A page read from the city and turned into ledger rows, not staged yet. */
    private record Prepared(
            CityReader.Page read, List<LedgerEntry> entries, int invalid, int steps, int normalised, int unreadable) {}

    /** The page being read ahead: the one after {@code cursor}, for run {@code runId}. */
    private record Ahead(String runId, Watermark cursor, Future<Prepared> page) {}

    /** The page after {@code cursor}: the one read ahead when it is that page of that run, else read now. */
    private Prepared take(Watermark cursor, String runId) {
        Ahead a = ahead.getAndSet(null);
        if (a != null && a.runId().equals(runId) && a.cursor().equals(cursor)) {
            return Futures.result(a.page(), "the city's page after " + cursor);
        }
        cancel(a);
        return prepare(cursor);
    }

    private void readAhead(Watermark cursor, String runId) {
        cancel(ahead.getAndSet(new Ahead(runId, cursor, readingAhead.submit(() -> prepare(cursor)))));
    }

    private void discardAhead() {
        cancel(ahead.getAndSet(null));
    }

    private static void cancel(Ahead a) {
        if (a != null) {
            a.page().cancel(true);
        }
    }

    @PreDestroy
    void stopReadingAhead() {
        discardAhead();
        readingAhead.shutdownNow();
    }

    /** Reads the page after {@code cursor} with its steps, maps and checks every row. */
    private Prepared prepare(Watermark cursor) {
        CityReader.Page read = reader.read(cursor, city.pageSize());
        if (read.rows() == 0) {
            return new Prepared(read, List.of(), 0, 0, 0, 0);
        }
        List<Dossier> page = read.dossiers();
        CityReader.Steps steps = reader.readSteps(page.stream().map(Dossier::id).toList());
        List<LedgerEntry> entries = new ArrayList<>(read.rows() * 4);
        int invalid = 0;
        int stepCount = 0;
        int normalised = 0;
        for (Dossier d : page) {
            LedgerEntry dossier = dossierEntry(d);
            entries.add(dossier);
            if (dossier.reason() != null) {
                invalid++;
                log.info("Dossier {} quarantined: {}", d.code(), dossier.message());
            }
            boolean nfc = mapping.normalises(d);
            for (Step s : steps.byDossier().getOrDefault(d.id(), List.of())) {
                entries.add(stepEntry(d, s));
                stepCount++;
                nfc |= mapping.normalises(s);
            }
            if (nfc) {
                normalised++;
            }
        }
        for (CityReader.Unreadable u : read.unreadable()) {
            LedgerEntry dossier = unreadableDossier(u);
            entries.add(dossier);
            invalid++;
            log.warn("Dossier {} quarantined: {}", dossier.recordKey(), dossier.message());
        }
        for (CityReader.Unreadable u : steps.unreadable()) {
            entries.add(unreadableStep(u, page));
            stepCount++;
        }
        return new Prepared(
                read,
                entries,
                invalid,
                stepCount,
                normalised,
                read.unreadable().size() + steps.unreadable().size());
    }

    /** A city dossier row that could not be read: quarantined, naming the column, until the city fixes it. */
    private LedgerEntry unreadableDossier(CityReader.Unreadable u) {
        String key = Dossier.recordKey(u.code(), u.id());
        String message = "Dossier " + key + " (city id " + u.id() + ") cannot be read: column " + u.column()
                + " holds a value of the wrong kind (" + u.problem() + ")";
        ObjectNode payload = json.createObjectNode().put("MaHoSo", u.code());
        return new LedgerEntry(
                Ledger.DOSSIER,
                key,
                u.version(),
                null,
                u.unitCode(),
                Category.DOSSIER_INVALID.name(),
                UNREADABLE + u.column(),
                message,
                payload.toString());
    }

    /** A city step row that could not be read: quarantined, naming the column; its version changes with the problem. */
    private LedgerEntry unreadableStep(CityReader.Unreadable u, List<Dossier> page) {
        Dossier d =
                page.stream().filter(p -> p.id() == u.dossierId()).findFirst().orElseThrow();
        String parent = d.recordKey();
        String key = parent + "/" + u.id();
        String message = "Step " + key + " cannot be read: column " + u.column() + " holds a value of the wrong kind ("
                + u.problem() + ")";
        return new LedgerEntry(
                Ledger.STEP,
                key,
                hash(u.column() + ":" + u.problem()),
                parent,
                d.unitCode(),
                "STEP_INVALID",
                UNREADABLE + u.column(),
                message,
                json.createObjectNode().put("MaHoSo", d.code()).toString());
    }

    private LedgerEntry dossierEntry(Dossier d) {
        String key = d.recordKey();
        ObjectNode portal = mapping.dossier(d);
        List<Violation> violations = rules.checkDossier(portal, province.provinceCode());
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            String message = "Dossier " + key + " (city id " + d.id() + ") breaks " + describe(violations);
            return new LedgerEntry(
                    Ledger.DOSSIER,
                    key,
                    d.version(),
                    null,
                    d.unitCode(),
                    Category.DOSSIER_INVALID.name(),
                    first.field(),
                    message,
                    portal.toString());
        }
        return new LedgerEntry(
                Ledger.DOSSIER, key, d.version(), null, d.unitCode(), null, null, null, portal.toString());
    }

    private LedgerEntry stepEntry(Dossier d, Step s) {
        String parent = d.recordKey();
        String key = parent + "/" + s.id();
        ObjectNode portal = mapping.step(s);
        String payload = portal.toString();
        List<Violation> violations = rules.checkStep(portal, province.provinceCode());
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            String message = "Step " + key + " breaks " + describe(violations);
            return new LedgerEntry(
                    Ledger.STEP,
                    key,
                    hash(payload),
                    parent,
                    d.unitCode(),
                    "STEP_INVALID",
                    first.field(),
                    message,
                    payload);
        }
        return new LedgerEntry(Ledger.STEP, key, hash(payload), parent, d.unitCode(), null, null, null, payload);
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + " [" + v.rule() + "]: " + v.message())
                .collect(Collectors.joining("; "));
    }

    /** A step has no change timestamp of its own: its version is a hash of what the portal would get. */
    static long hash(String payload) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

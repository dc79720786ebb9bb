package vn.dvcsync.run;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.applicant.ApplicantReconciler;
import vn.dvcsync.applicant.ApplicantVerifier;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.kernel.Category;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.reconcile.DossierReconciler;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.reconcile.MismatchSink;
import vn.dvcsync.reconcile.ProcedureReconciler;
import vn.dvcsync.reconcile.ReconcilePeriod;
import vn.dvcsync.reconcile.ReconcileProperties;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchWriter;
import vn.dvcsync.report.ReportService;
import vn.dvcsync.report.Total;
import vn.dvcsync.support.BatchHandoff;

/**
 * The reconciliation steps of the {@code reconcile} and {@code nightly} runs: compare the city with the
 * portal for the period, store and price the mismatches, write the report files; and, for the nightly
 * run, reopen in the ledger what the portal lacks or holds stale so that the push heals it.
 */
@Component("reconciliation")
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** Differences a new push of the city's record mends. */
    private static final Set<String> HEALABLE = Set.of(
            Category.DOSSIER_MISSING_ON_PORTAL.name(),
            Category.DOSSIER_STATUS_MISMATCH.name(),
            Category.DOSSIER_STALE.name(),
            Category.DOSSIER_FIELD_MISMATCH.name());

    private static final int REOPEN_BATCH = 1000;
    private static final int QUEUE_BATCH = 1000;

    private final DossierReconciler dossiers;
    private final ProcedureReconciler procedures;
    private final ApplicantReconciler applicants;
    private final ReconcileProperties props;
    private final MismatchStore store;
    private final IndexModel model;
    private final IndexEstimates estimates;
    private final ReportService reports;
    private final Ledger ledger;
    private final ApplicantVerifier verifier;
    private final RunCounters counters;

    Reconciliation(
            DossierReconciler dossiers,
            ProcedureReconciler procedures,
            ApplicantReconciler applicants,
            ReconcileProperties props,
            MismatchStore store,
            IndexModel model,
            IndexEstimates estimates,
            ReportService reports,
            Ledger ledger,
            ApplicantVerifier verifier,
            RunCounters counters) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.applicants = applicants;
        this.props = props;
        this.store = store;
        this.model = model;
        this.estimates = estimates;
        this.reports = reports;
        this.ledger = ledger;
        this.verifier = verifier;
        this.counters = counters;
    }

    /** Nightly's first comparison: every dossier the portal lacks or holds differently goes back to PENDING. */
    public void reopenWhatThePortalLacks(String runId) {
        ReopenSink reopen = new ReopenSink(runId);
        dossiers.reconcile(period(), reopen, new IndexFacts());
        reopen.flush();
        counters.add(runId, "nightly.reopened", reopen.reopened);
        log.info(
                "Run {}: {} dossiers reopened for the push (missing, stale or different on the portal)",
                runId,
                reopen.reopened);
    }

    /** Compares, stores the priced mismatches and the index estimate, and writes the report files. */
    public void compareAndReport(String runId, String runType) {
        ReconcilePeriod period = period();
        IndexFacts facts = new IndexFacts();
        long t0 = System.nanoTime();
        long compared;
        try (MismatchWriter writer = store.open(runId, model, facts)) {
            // The applicants of the period are queued as the city side streams by: verification then asks the
            // population service only where its cached answer is missing or older than the cache's time limit.
            // The store's upserts run on a thread of their own, overlapping the comparison.
            try (BatchHandoff<Dossier> queueing =
                    new BatchHandoff<>("reconcile-applicant-queue", QUEUE_BATCH, 1, verifier::queue)) {
                dossiers.reconcile(period, writer, facts, queueing::add);
                queueing.finish();
            }
            procedures.reconcile(period, writer, facts);
            applicants.reconcile(period, writer, facts, runId);
            compared = System.nanoTime();
        }
        long stored = System.nanoTime();
        estimates.save(runId, model.estimate(facts, ""));
        reports.write(runId, runType, period.from(), period.to(), facts);
        for (Total t : store.totals(runId, MismatchStore.By.CATEGORY)) {
            counters.add(runId, "mismatches." + t.category(), t.count());
        }
        log.info(
                "Run {}: compared in {} ms, mismatches priced and stored in {} ms, index and reports in {} ms",
                runId,
                (compared - t0) / 1_000_000,
                (stored - compared) / 1_000_000,
                (System.nanoTime() - stored) / 1_000_000);
    }

    private ReconcilePeriod period() {
        OffsetDateTime to = OffsetDateTime.now();
        return new ReconcilePeriod(to.minusDays(props.days()), to);
    }

    /** Collects the keys to heal and reopens them a batch at a time: memory stays flat. */
    private final class ReopenSink implements MismatchSink {
        private final String runId;
        private final List<String> missing = new ArrayList<>();
        private final List<String> different = new ArrayList<>();
        private long reopened;

        ReopenSink(String runId) {
            this.runId = runId;
        }

        @Override
        public void accept(Mismatch m) {
            if (!HEALABLE.contains(m.category())) {
                return;
            }
            List<String> into = Category.DOSSIER_MISSING_ON_PORTAL.name().equals(m.category()) ? missing : different;
            if (into.isEmpty() || !into.get(into.size() - 1).equals(m.recordKey())) {
                into.add(m.recordKey());
            }
            if (into.size() >= REOPEN_BATCH) {
                flush();
            }
        }

        void flush() {
            reopened += ledger.reopen(missing, true, runId) + ledger.reopen(different, false, runId);
            missing.clear();
            different.clear();
        }
    }
}

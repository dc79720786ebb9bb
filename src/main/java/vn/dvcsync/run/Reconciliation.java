package vn.dvcsync.run;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvcsync.applicant.ApplicantReconciler;
import vn.dvcsync.applicant.ApplicantVerifier;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.kernel.UnitScope;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.PortalCopy;
import vn.dvcsync.reconcile.DossierReconciler;
import vn.dvcsync.reconcile.DossierVerdict;
import vn.dvcsync.reconcile.DossierVerdict.Kind;
import vn.dvcsync.reconcile.IndexFacts;
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
    private static final int HEAL_BATCH = 1000;
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

    /**
     * Nightly's first comparison, before its full extraction: remembers for the run what the portal holds of each
     * city dossier of the period ({@link Ledger#rememberComparison}), so that staging records what the portal holds as
     * the city does as adopted (first contact) as it stages it.
     */
    public void compareForHealing(String runId) {
        ledger.forgetComparisonsBefore(runId);
        boolean stepsUpToCopy = props.stepsUpToPortalCopy();
        try (BatchHandoff<DossierVerdict> remember = new BatchHandoff<>("nightly-compare", HEAL_BATCH, 2, batch -> {
            List<PortalCopy> held = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (DossierVerdict v : batch) {
                if (v.kind() == Kind.MISSING) {
                    missing.add(v.key());
                } else {
                    held.add(new PortalCopy(
                            v.key(), v.version(), v.unitCode(), null, v.kind() == Kind.EQUAL, v.portalUpdated()));
                }
            }
            ledger.rememberComparison(runId, held, missing, stepsUpToCopy);
        })) {
            dossiers.reconcile(period(), m -> {}, new IndexFacts(), d -> {}, v -> {
                if (v.kind() == Kind.EQUAL || v.kind() == Kind.DIFFERENT || v.kind() == Kind.MISSING) {
                    remember.add(v);
                }
            });
            remember.finish();
        }
    }

    /**
     * Nightly, after its full extraction, by the first comparison ({@link #compareForHealing}): every dossier the
     * portal lacks or holds differently goes back to PENDING; on first contact (no delivery in the ledger), a dossier
     * the portal holds as the city does is adopted (delivered, not sent; most were by staging already), one it holds
     * differently is sent as an update, and the steps-on-first-contact policy decides its steps.
     */
    public void reopenWhatThePortalLacks(String runId) {
        long[] healed = ledger.healByComparison(runId, props.stepsUpToPortalCopy(), HEAL_BATCH);
        counters.add(runId, "nightly.reopened", healed[0]);
        log.info(
                "Run {}: {} dossiers reopened for the push (missing, stale or different on the portal), {} adopted"
                        + " after staging (first contact: the portal held them as the city does)",
                runId,
                healed[0],
                healed[1]);
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
                long[] read = {0};
                dossiers.reconcile(period, writer, facts, d -> {
                    read[0]++;
                    queueing.add(d);
                });
                counters.add(runId, "reconciled.dossiers", read[0]);
                queueing.finish();
            }
            procedures.reconcile(period, writer, facts);
            applicants.reconcile(period, writer, facts, runId);
            compared = System.nanoTime();
        }
        long stored = System.nanoTime();
        estimates.save(runId, model.estimate(facts, ""));
        reports.write(runId, runType, period.from(), period.to(), facts);
        for (Total t : store.totals(runId, MismatchStore.By.CATEGORY, UnitScope.ALL)) {
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
}

package vn.dvcsync.applicant;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.population.PopulationProperties;
import vn.dvcsync.population.PopulationRejectedException;
import vn.dvcsync.population.PopulationUnavailableException;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.reconcile.MismatchSink;
import vn.dvcsync.reconcile.ReconcilePeriod;

/**
 * The applicants of the dossiers received in a period: {@code APPLICANT_NOT_FOUND} and
 * {@code APPLICANT_DATA_MISMATCH} rows (record type {@code APPLICANT}, key the dossier's MaHoSo), from the
 * verification findings of the store ({@code applicant_finding}).
 *
 * <p>First it verifies, with {@link ApplicantVerifier}, every applicant of the period that needs it: those queued,
 * and those whose cached population answer is older than {@code dvcsync.population.cache-ttl}, at the population
 * client's rate, {@code concurrency} at a time (not the incremental run's {@code max-lookups-per-run} budget; 0
 * there switches verification off). A fresh cached answer is never asked again, so a nightly run does not flood the
 * population service, and every dossier of an applicant is a row. The service being unavailable does not stop the
 * reconciliation: the findings known so far are reported, the rest stays queued and is counted
 * ({@code applicants.unchecked}).
 *
 * <p>Only the store's candidates (queued or stale checks, dossiers with findings) are looked up in the city, a
 * thousand codes at a time ({@code mappings/sql/reconcile-in-period.sql}), so the work grows with them, not with
 * the number of dossiers. Applicants never queued by an extraction (no {@code applicant_check} row) are not
 * verified here. Unit names come from {@link IndexFacts#unitName}: run the dossier reconciliation first.
 */
@Component
public class ApplicantReconciler {

    private static final Logger log = LoggerFactory.getLogger(ApplicantReconciler.class);
    static final String RECORD_TYPE = "APPLICANT";
    private static final int CHUNK = 1000;

    private final ApplicantVerifier verifier;
    private final JdbcTemplate store;
    private final CityReader city;
    private final PopulationProperties population;
    private final ExecutorService executor;
    private final RunCounters counters;

    ApplicantReconciler(
            ApplicantVerifier verifier,
            JdbcTemplate store,
            CityReader city,
            PopulationProperties population,
            @Qualifier("populationExecutor") ExecutorService executor,
            RunCounters counters) {
        this.counters = counters;
        this.verifier = verifier;
        this.store = store;
        this.city = city;
        this.population = population;
        this.executor = executor;
    }

    /** Verifies what needs it and reports the applicant findings of the period; counts go nowhere. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts) {
        reconcile(period, sink, facts, null);
    }

    /** As {@link #reconcile(ReconcilePeriod, MismatchSink, IndexFacts)}, counting the lookups under {@code runId}. */
    public void reconcile(ReconcilePeriod period, MismatchSink sink, IndexFacts facts, String runId) {
        int verified = verify(period, runId);
        long rows = report(period, sink, facts);
        log.info("Applicant reconciliation: {} applicant(s) verified, {} finding row(s) reported", verified, rows);
    }

    private int verify(ReconcilePeriod period, String runId) {
        if (population.maxLookupsPerRun() == 0) {
            return 0; // verification switched off
        }
        int verified = 0;
        String after = "";
        try {
            while (true) {
                List<String> candidates = verifier.unverified(after, CHUNK);
                if (candidates.isEmpty()) {
                    break;
                }
                after = candidates.get(candidates.size() - 1);
                List<String> inPeriod = inPeriod(candidates, period);
                verified += verifier.verifyDue(inPeriod, Integer.MAX_VALUE, executor, runId);
            }
        } catch (PopulationUnavailableException | PopulationRejectedException e) {
            long unchecked = unchecked(period);
            counters.add(runId, "applicants.unchecked", unchecked);
            log.warn(
                    "Applicant verification stopped with {} dossier(s) of the period unchecked, they stay queued: {}",
                    unchecked,
                    e.getMessage());
        }
        return verified;
    }

    /** Dossiers of the period whose applicant still waits for a fresh answer. */
    private long unchecked(ReconcilePeriod period) {
        long n = 0;
        String after = "";
        while (true) {
            List<String> candidates = verifier.unverified(after, CHUNK);
            if (candidates.isEmpty()) {
                return n;
            }
            after = candidates.get(candidates.size() - 1);
            n += inPeriod(candidates, period).size();
        }
    }

    private long report(ReconcilePeriod period, MismatchSink sink, IndexFacts facts) {
        long rows = 0;
        String after = "";
        while (true) {
            List<String> codes = store.queryForList("""
                    select distinct dossier_code from applicant_finding where dossier_code > ?
                    order by dossier_code limit ?
                    """, String.class, after, CHUNK);
            if (codes.isEmpty()) {
                return rows;
            }
            after = codes.get(codes.size() - 1);
            List<String> inPeriod = inPeriod(codes, period);
            if (inPeriod.isEmpty()) {
                continue;
            }
            List<Mismatch> found = store.query(
                    """
                    select dossier_code, category, field, city_value, portal_value, unit_code from applicant_finding
                    where dossier_code = any(?) order by dossier_code, category, field
                    """,
                    (rs, n) -> {
                        String unit = rs.getString("unit_code") == null ? "" : rs.getString("unit_code");
                        return new Mismatch(
                                rs.getString("category"),
                                RECORD_TYPE,
                                rs.getString("dossier_code"),
                                unit,
                                facts.unitName(unit),
                                rs.getString("field"),
                                nonNull(rs.getString("city_value")),
                                nonNull(rs.getString("portal_value")));
                    },
                    (Object) inPeriod.toArray(String[]::new));
            found.forEach(sink::accept);
            rows += found.size();
        }
    }

    /** Those of these dossier codes (at most {@link #CHUNK}) received in the period, by the city. */
    private List<String> inPeriod(List<String> codes, ReconcilePeriod period) {
        return city.receivedAmong(codes, period.from(), period.to());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

package vn.dvcsync.applicant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.population.LookupResult;
import vn.dvcsync.population.PopulationClient;
import vn.dvcsync.population.PopulationProperties;
import vn.dvcsync.population.PopulationRecord;
import vn.dvcsync.support.Stopping;

/**
 * Verifies queued applicants against the population database: a cached answer younger than
 * {@code cache-ttl} is reused, otherwise the service is asked (rate limited by the client). The
 * findings of a dossier replace its previous ones.
 */
@Component("applicantVerifier")
public class ApplicantVerifier {

    private final ApplicantQueue checks;
    private final PopulationClient client;
    private final PopulationProperties props;
    private final ProvinceProperties province;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RunCounters counters;
    private final Stopping stopping;

    ApplicantVerifier(
            ApplicantQueue checks,
            PopulationClient client,
            PopulationProperties props,
            ProvinceProperties province,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            RunCounters counters,
            Stopping stopping) {
        this.stopping = stopping;
        this.checks = checks;
        this.client = client;
        this.props = props;
        this.province = province;
        this.jdbc = jdbc;
        this.tx = tx;
        this.counters = counters;
    }

    /** The checks this run takes on: at most {@code max-lookups-per-run}; the rest wait for the next run. */
    public List<ApplicantQueue.PendingCheck> pending() {
        return checks.pending(props.maxLookupsPerRun());
    }

    /**
     * Up to {@code limit} dossier codes after {@code after} (in code order; {@code ""} for the first) whose
     * applicant is queued, or was checked with a population answer no longer fresh (older than {@code cache-ttl}):
     * the candidates a reconciliation narrows to its period before {@link #verifyDue}.
     */
    public List<String> unverified(String after, int limit) {
        return checks.unverified(after, freshAfter(), limit);
    }

    /**
     * Verifies the applicants of these dossiers that need it: those queued, and those checked with a cached answer
     * older than {@code cache-ttl}, which are queued again first. At most {@code max} verifications, run on
     * {@code executor}; the rest stay queued for a later run. Fresh answers are never looked up again.
     *
     * @return the number of applicants verified
     * @throws RuntimeException the first failure of a verification (e.g. the population service unavailable);
     *                          the verifications not yet started are cancelled and stay queued
     */
    public int verifyDue(Collection<String> dossierCodes, int max, ExecutorService executor, String runId) {
        if (dossierCodes.isEmpty() || max <= 0) {
            return 0;
        }
        checks.requeueStale(dossierCodes, freshAfter());
        List<ApplicantQueue.PendingCheck> due = checks.pendingAmong(dossierCodes, max);
        List<Future<?>> running = new ArrayList<>(due.size());
        for (ApplicantQueue.PendingCheck check : due) {
            running.add(executor.submit(() -> verify(check, runId)));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying applicants", e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return due.size();
    }

    /** Queues the citizens of these dossiers whose applicant data is new or changed (reconciliation's own reading). */
    public void queue(List<Dossier> dossiers) {
        checks.stage(dossiers);
    }

    public void verify(ApplicantQueue.PendingCheck check, String runId) {
        if (stopping.requested()) {
            return; // shutting down: this applicant stays queued for the next run
        }
        String id = check.applicant().idNumber();
        LookupResult result = cached(id).orElse(null);
        if (result == null) {
            result = client.lookup(
                    id,
                    check.applicant().fullName(),
                    check.applicant().birthDate(),
                    check.procedureCode(),
                    province.madonvi());
            remember(id, result);
            counters.add(runId, "applicants.lookups", 1);
        } else {
            counters.add(runId, "applicants.cache_hits", 1);
        }
        List<ApplicantFinding> findings = ApplicantComparison.compare(check.applicant(), result);
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from applicant_finding where dossier_code = ?", check.dossierCode());
            OffsetDateTime now = OffsetDateTime.now();
            for (ApplicantFinding f : findings) {
                jdbc.update(
                        """
                        insert into applicant_finding (dossier_code, category, field, city_value, portal_value,
                                                       unit_code, detected_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                        """,
                        check.dossierCode(),
                        f.category(),
                        f.field(),
                        f.cityValue(),
                        f.portalValue(),
                        check.unitCode(),
                        now);
            }
            checks.markChecked(check.dossierCode());
        });
        counters.add(runId, "applicants.checked", 1);
        findings.stream()
                .map(ApplicantFinding::category)
                .distinct()
                .forEach(c -> counters.add(runId, "applicants." + c, 1));
    }

    /** A cached answer fetched after this instant is fresh. */
    private Instant freshAfter() {
        return Instant.now().minus(props.cacheTtl());
    }

    private Optional<LookupResult> cached(String id) {
        Instant freshAfter = freshAfter();
        return jdbc.query(
                """
                select found, full_name, birth, sex from population_cache where id_number = ? and fetched_at > ?
                """,
                rs -> {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            rs.getBoolean("found")
                                    ? LookupResult.found(new PopulationRecord(
                                            id,
                                            rs.getString("full_name"),
                                            rs.getString("birth"),
                                            rs.getObject("sex", Integer.class)))
                                    : LookupResult.notFound());
                },
                id,
                Timestamp.from(freshAfter));
    }

    private void remember(String id, LookupResult result) {
        PopulationRecord r = result.person().orElse(null);
        jdbc.update(
                """
                insert into population_cache (id_number, found, full_name, birth, sex, fetched_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (id_number) do update set found = excluded.found, full_name = excluded.full_name,
                    birth = excluded.birth, sex = excluded.sex, fetched_at = excluded.fetched_at
                """,
                id,
                r != null,
                r == null ? null : r.fullName(),
                r == null ? null : r.birth(),
                r == null || r.sex() == null ? null : r.sex().shortValue());
    }
}

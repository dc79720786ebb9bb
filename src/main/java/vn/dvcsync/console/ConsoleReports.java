package vn.dvcsync.console;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.dvcsync.index.IndexEstimates;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.report.Changes;
import vn.dvcsync.report.MismatchFilter;
import vn.dvcsync.report.MismatchRow;
import vn.dvcsync.report.MismatchStore;
import vn.dvcsync.report.MismatchViews;
import vn.dvcsync.report.MismatchViews.RecordToFix;
import vn.dvcsync.report.MismatchViews.RunPoint;
import vn.dvcsync.report.NoComparisonException;
import vn.dvcsync.report.Total;

/**
 * Everything the console's pages read, each read asked for the user logged in: the one place where what a user may
 * see is decided for the pages (the report package's reads decide it; this class passes the user along).
 */
@Component
class ConsoleReports {

    private final MismatchStore store;
    private final MismatchViews views;
    private final IndexEstimates estimates;

    ConsoleReports(MismatchStore store, MismatchViews views, IndexEstimates estimates) {
        this.store = store;
        this.views = views;
        this.estimates = estimates;
    }

    /** The latest reconcile or nightly run that succeeded, or {@code run} itself when given and reported. */
    Optional<RunPoint> run(Authentication user, String run) {
        String id = run == null || run.isBlank() ? "latest" : run;
        try {
            return store.resolveRun(id).flatMap(views::run);
        } catch (NoComparisonException e) {
            return Optional.empty();
        }
    }

    Optional<String> previousRun(Authentication user, String runId) {
        return store.previousRun(runId);
    }

    Optional<IndexReport> index(Authentication user, String runId) {
        return estimates.of(runId);
    }

    Changes changes(Authentication user, String runId) {
        return store.changes(runId);
    }

    /** A run's totals by category and by unit and its changes, summed from one reading by unit and category. */
    record Totals(List<Total> byCategory, List<Total> byUnit, Changes changes) {}

    Totals totals(Authentication user, String runId) {
        List<Total> both = store.totals(runId, MismatchStore.By.UNIT_AND_CATEGORY);
        long[] changes = new long[3];
        both.forEach(t -> {
            changes[0] += t.newCount();
            changes[1] += t.persisting();
            changes[2] += t.resolved();
        });
        return new Totals(
                sum(both, false),
                sum(both, true),
                new Changes(store.previousRun(runId).orElse(null), changes[0], changes[1], changes[2]));
    }

    /** The totals by unit and category summed by unit (or by category), largest impact first, then most rows. */
    private static List<Total> sum(List<Total> both, boolean byUnit) {
        Map<String, Total> sums = new LinkedHashMap<>();
        for (Total t : both) {
            String key = byUnit ? t.unitCode() : t.category();
            sums.merge(
                    key,
                    byUnit
                            ? new Total(
                                    t.unitCode(),
                                    t.unitName(),
                                    null,
                                    t.count(),
                                    t.newCount(),
                                    t.persisting(),
                                    t.resolved(),
                                    t.impactPoints())
                            : new Total(
                                    null,
                                    null,
                                    t.category(),
                                    t.count(),
                                    t.newCount(),
                                    t.persisting(),
                                    t.resolved(),
                                    t.impactPoints()),
                    (a, b) -> new Total(
                            a.unitCode(),
                            a.unitName(),
                            a.category(),
                            a.count() + b.count(),
                            a.newCount() + b.newCount(),
                            a.persisting() + b.persisting(),
                            a.resolved() + b.resolved(),
                            a.impactPoints() + b.impactPoints()));
        }
        return sums.values().stream()
                .sorted(Comparator.comparingDouble(Total::impactPoints)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Total::count).reversed())
                        .thenComparing(t -> byUnit ? String.valueOf(t.unitCode()) : t.category()))
                .toList();
    }

    List<Total> totals(Authentication user, String runId, MismatchStore.By by) {
        return store.totals(runId, by);
    }

    List<RunPoint> history(Authentication user, int runs, String unit) {
        return views.history(runs, unit);
    }

    Page<MismatchRow> mismatches(Authentication user, String runId, MismatchFilter filter, int page, int size) {
        return views.find(runId, filter, page, size);
    }

    Page<MismatchRow> resolved(Authentication user, String runId, MismatchFilter filter, int page, int size) {
        return views.resolved(runId, filter, page, size);
    }

    List<String> fields(Authentication user, String runId) {
        return views.fields(runId);
    }

    List<RecordToFix> toFix(Authentication user, String runId, String unit, int limit) {
        return views.toFix(runId, unit, limit);
    }

    List<MismatchRow> ofRecord(Authentication user, String recordKey) {
        return views.ofRecord(recordKey);
    }

    void csv(Authentication user, String runId, MismatchFilter filter, OutputStream out) throws IOException {
        views.csv(runId, filter, out);
    }

    void xlsx(Authentication user, String runId, MismatchFilter filter, OutputStream out) throws IOException {
        views.xlsx(runId, filter, out);
    }
}

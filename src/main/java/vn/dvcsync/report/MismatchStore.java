package vn.dvcsync.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.index.IndexPricing;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.UnitScope;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.reconcile.IndexFacts;

/**
 * The mismatches of each run (table {@code mismatch}): written by a {@link MismatchWriter}, read here, summed by
 * {@link MismatchTotals}. The index estimate is the index package's ({@code IndexEstimates}).
 *
 * <p>New, persisting and resolved are judged against the previous run: the latest {@code reconcile} or
 * {@code nightly} run that SUCCEEDED and started before this one (a failed run's rows are partial). A row
 * persists when that run has a row of the same category, record key and field.
 *
 * <p>Every read is of the rows in a {@link UnitScope}: the one given, or by default that of the user logged in
 * ({@link UnitScope#current()}), so that an OFFICIAL bound to units reads only their rows whoever calls.
 */
@Component
public class MismatchStore {

    /** What {@link #totals} sums by. */
    public enum By {
        UNIT,
        CATEGORY,
        UNIT_AND_CATEGORY
    }

    private static final String COLUMNS = "run_id, category, record_type, record_key, unit_code, unit_name, field, "
            + "city_value, portal_value, impact_points, detected_at, change";
    private static final String RESOLVED_COLUMNS = "run_id, category, record_type, record_key, unit_code, unit_name,"
            + " field, city_value, portal_value, impact_points, detected_at, 'RESOLVED' as change";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;
    private final ReportedRuns runs;
    private final MismatchTotals totals;

    @Autowired
    public MismatchStore(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), 5_000);
    }

    MismatchStore(JdbcTemplate jdbc, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.runs = new ReportedRuns(jdbc);
        this.totals = new MismatchTotals(jdbc, runs);
    }

    /**
     * Where a reconciliation of run {@code runId} sends its mismatches. Rows already stored for the run are
     * replaced (a nightly run reports what its second pass finds). Close it when the reconciliation is done:
     * that prices every row from the facts as they are then, marks it NEW or PERSISTING and makes the run's
     * rows visible. Left unclosed (the run failed), its rows are dropped by the next {@code open}.
     */
    public MismatchWriter open(String runId, IndexModel model, IndexFacts facts) {
        jdbc.update("delete from mismatch where run_id = ?", runId);
        jdbc.update(
                "delete from mismatch_staging where run_id = ? or run_id not in (select id from run where status = 'RUNNING')",
                runId);
        return new MismatchWriter(jdbc, clock, batchSize, runId, runs, new IndexPricing(model, facts));
    }

    /**
     * The run's id, or for {@code latest} the latest {@code reconcile} or {@code nightly} run that succeeded.
     *
     * @throws NoComparisonException for a run that compared nothing (incremental, replay)
     */
    public Optional<String> resolveRun(String idOrLatest) {
        return runs.resolve(idOrLatest);
    }

    /** The run this one's rows are compared with: see the class comment. */
    public Optional<String> previousRun(String runId) {
        return runs.previous(runId);
    }

    /**
     * A page of the run's rows in the logged-in user's scope, largest impact first; {@code category} and {@code unit}
     * (unit code) filter when given.
     *
     * @throws UnitScope.OutOfScope for a {@code unit} out of the user's scope
     */
    public Page<MismatchRow> find(String runId, String category, String unit, int page, int size) {
        return find(runId, category, unit, page, size, UnitScope.current());
    }

    /** {@link #find(String, String, String, int, int)} in the given scope. */
    public Page<MismatchRow> find(String runId, String category, String unit, int page, int size, UnitScope scope) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" from mismatch where run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (category != null && !category.isBlank()) {
            where.append(" and category = ?");
            args.add(category.strip());
        }
        if (unit != null && !unit.isBlank()) {
            scope.check(unit.strip());
            where.append(" and unit_code = ?");
            args.add(unit.strip());
        }
        where.append(scope.sql("unit_code"));
        args.addAll(scope.sqlArgs());
        return Page.query(
                jdbc,
                "select count(*)" + where,
                "select " + COLUMNS + where + " order by impact_points desc, seq limit ? offset ?",
                (rs, n) -> row(rs),
                args,
                page,
                size);
    }

    /** Every row of the run in the logged-in user's scope, largest impact first, streamed (memory stays flat). */
    public void forEach(String runId, Consumer<MismatchRow> each) {
        forEach(runId, UnitScope.current(), each);
    }

    /** {@link #forEach(String, Consumer)} in the given scope. */
    public void forEach(String runId, UnitScope scope, Consumer<MismatchRow> each) {
        List<Object> args = new ArrayList<>(List.of(runId));
        args.addAll(scope.sqlArgs());
        stream(
                "select " + COLUMNS + " from mismatch where run_id = ?" + scope.sql("unit_code")
                        + " order by impact_points desc, seq",
                each,
                args.toArray());
    }

    /**
     * The previous run's rows (in the logged-in user's scope) that this run no longer has, as RESOLVED rows of the
     * previous run, streamed.
     */
    public void forEachResolved(String runId, Consumer<MismatchRow> each) {
        forEachResolved(runId, UnitScope.current(), each);
    }

    /** {@link #forEachResolved(String, Consumer)} in the given scope. */
    public void forEachResolved(String runId, UnitScope scope, Consumer<MismatchRow> each) {
        Optional<String> previous = previousRun(runId);
        if (previous.isPresent()) {
            List<Object> args = new ArrayList<>(List.of(previous.get()));
            args.addAll(scope.sqlArgs());
            args.add(runId);
            stream(
                    "select " + RESOLVED_COLUMNS + " from mismatch p where p.run_id = ?" + scope.sql("p.unit_code")
                            + " and not exists (select 1 from mismatch m where m.run_id = ? and "
                            + MismatchTotals.SAME_AS_P + ")"
                            + " order by p.impact_points desc, p.seq",
                    each,
                    args.toArray());
        }
    }

    /**
     * How many of the run's rows are new and persisting, and how many of the previous run's are resolved, in the
     * logged-in user's scope.
     */
    public Changes changes(String runId) {
        return changes(runId, UnitScope.current());
    }

    /** {@link #changes(String)} in the given scope. */
    public Changes changes(String runId, UnitScope scope) {
        return totals.changes(runId, scope);
    }

    /**
     * Counts, changes and summed impact of the run's rows in the logged-in user's scope by unit, category or both,
     * largest impact first (then most rows). Units and categories that only have resolved rows are listed too.
     */
    public List<Total> totals(String runId, By by) {
        return totals(runId, by, UnitScope.current());
    }

    /** {@link #totals(String, By)} in the given scope. */
    public List<Total> totals(String runId, By by, UnitScope scope) {
        return totals.totals(runId, by, scope);
    }

    void stream(String sql, Consumer<MismatchRow> each, Object... args) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            boolean autoCommit = con.getAutoCommit();
            if (autoCommit) {
                con.setAutoCommit(false); // PostgreSQL fetches in batches only inside a transaction
            }
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setFetchSize(2_000);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs));
                    }
                }
            } finally {
                if (autoCommit) {
                    end(con);
                }
            }
            return null;
        });
    }

    private static void end(Connection con) throws SQLException {
        try {
            con.rollback(); // read only: nothing to keep
        } finally {
            con.setAutoCommit(true);
        }
    }

    static MismatchRow row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("detected_at", OffsetDateTime.class);
        return new MismatchRow(
                rs.getString("run_id"),
                rs.getString("category"),
                rs.getString("record_type"),
                rs.getString("record_key"),
                nonNull(rs.getString("unit_code")),
                nonNull(rs.getString("unit_name")),
                rs.getString("field"),
                rs.getString("city_value"),
                rs.getString("portal_value"),
                rs.getDouble("impact_points"),
                at == null ? null : at.atZoneSameInstant(Vietnam.ZONE).toOffsetDateTime(),
                rs.getString("change"));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

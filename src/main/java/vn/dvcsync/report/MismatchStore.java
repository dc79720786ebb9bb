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
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.reconcile.IndexFacts;

/**
 * The mismatches of each run (table {@code mismatch}): written by a {@link MismatchWriter}, read here, summed by
 * {@link MismatchTotals}. The index estimate is the index package's ({@code IndexEstimates}).
 *
 * <p>New, persisting and resolved are judged against the previous run: the latest {@code reconcile} or
 * {@code nightly} run that SUCCEEDED and started before this one (a failed run's rows are partial). A row
 * persists when that run has a row of the same category, record key and field.
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

    /** A page of the run's rows, largest impact first; {@code category} and {@code unit} (unit code) filter when given. */
    public MismatchPage find(String runId, String category, String unit, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
        }
        StringBuilder where = new StringBuilder(" from mismatch where run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (category != null && !category.isBlank()) {
            where.append(" and category = ?");
            args.add(category.strip());
        }
        if (unit != null && !unit.isBlank()) {
            where.append(" and unit_code = ?");
            args.add(unit.strip());
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<MismatchRow> rows = jdbc.query(
                "select " + COLUMNS + where + " order by impact_points desc, seq limit ? offset ?",
                (rs, n) -> row(rs),
                args.toArray());
        return new MismatchPage(rows, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Every row of the run, largest impact first, streamed (memory does not grow with the run). */
    public void forEach(String runId, Consumer<MismatchRow> each) {
        stream("select " + COLUMNS + " from mismatch where run_id = ? order by impact_points desc, seq", each, runId);
    }

    /** The previous run's rows that this run no longer has, as RESOLVED rows of the previous run, streamed. */
    public void forEachResolved(String runId, Consumer<MismatchRow> each) {
        Optional<String> previous = previousRun(runId);
        if (previous.isPresent()) {
            stream(
                    "select " + RESOLVED_COLUMNS + " from mismatch p where p.run_id = ?"
                            + " and not exists (select 1 from mismatch m where m.run_id = ? and "
                            + MismatchTotals.SAME_AS_P + ")"
                            + " order by p.impact_points desc, p.seq",
                    each,
                    previous.get(),
                    runId);
        }
    }

    /** How many of the run's rows are new and persisting, and how many of the previous run's are resolved. */
    public Changes changes(String runId) {
        return totals.changes(runId);
    }

    /**
     * Counts, changes and summed impact of the run's rows by unit, category or both, largest impact first
     * (then most rows). Units and categories that only have resolved rows are listed too.
     */
    public List<Total> totals(String runId, By by) {
        return totals.totals(runId, by);
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

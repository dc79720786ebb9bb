package vn.dvcsync.report;

import vn.dvcsync.kernel.Vietnam;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.index.GroupScore;
import vn.dvcsync.index.IndexReport;
import vn.dvcsync.index.IndexModel;
import vn.dvcsync.population.IdNumbers;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.reconcile.MismatchSink;

/**
 * The mismatches of each run (table {@code mismatch}) and its index estimate ({@code index_estimate}).
 *
 * <p>New, persisting and resolved are judged against the previous run: the latest {@code reconcile} or
 * {@code nightly} run that SUCCEEDED and started before this one (a failed run's rows are partial). A row
 * persists when that run has a row of the same category, record key and field.
 */
@Component
public class MismatchStore {

    /** What {@link #totals} sums by. */
    public enum By { UNIT, CATEGORY, UNIT_AND_CATEGORY }

    private static final String REPORTED_TYPES = "('reconcile', 'nightly')";
    private static final String COLUMNS = "run_id, category, record_type, record_key, unit_code, unit_name, field, "
            + "city_value, portal_value, impact_points, detected_at, change";
    private static final String RESOLVED_COLUMNS = "run_id, category, record_type, record_key, unit_code, unit_name,"
            + " field, city_value, portal_value, impact_points, detected_at, 'RESOLVED' as change";
    private static final String SAME_AS_P = "m.category = p.category and m.record_key = p.record_key and m.field = p.field";
    /** Old 9-digit ID card or 12-digit personal ID number, standing alone. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;

    @Autowired
    public MismatchStore(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), 5_000);
    }

    MismatchStore(JdbcTemplate jdbc, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Where a reconciliation of run {@code runId} sends its mismatches. Rows already stored for the run are
     * replaced (a nightly run reports what its second pass finds). Close it when the reconciliation is done:
     * that prices every row from the facts as they are then, marks it NEW or PERSISTING and makes the run's
     * rows visible. Left unclosed (the run failed), its rows are dropped by the next {@code open}.
     */
    public Writer open(String runId, IndexModel model, IndexFacts facts) {
        jdbc.update("delete from mismatch where run_id = ?", runId);
        jdbc.update("delete from mismatch_staging where run_id = ? or run_id not in (select id from run where status = 'RUNNING')",
                runId);
        return new Writer(runId, model, facts);
    }

    /**
     * Batches rows with PostgreSQL COPY into a staging table; closing moves them into {@code mismatch}, so a
     * run's rows show only once they are all there and priced. Thread-safe. Impact attribution: a record (record
     * type and key) counts once per index ratio: its first row that fixes a ratio carries that ratio's
     * points, its later rows only ratios not carried yet. This remembers, per record with a ratio-fixing row,
     * the ratios already carried (about 100 bytes a record).
     */
    public final class Writer implements MismatchSink, AutoCloseable {

        private final String runId;
        private final IndexModel model;
        private final IndexFacts facts;
        private final Map<String, Long> carried = new HashMap<>();
        private final StringBuilder batch = new StringBuilder(1 << 16);
        private int inBatch;
        private long seq;
        private boolean closed;

        private Writer(String runId, IndexModel model, IndexFacts facts) {
            this.runId = runId;
            this.model = model;
            this.facts = facts;
        }

        @Override
        public synchronized void accept(Mismatch m) {
            if (closed) {
                throw new IllegalStateException("Mismatch writer of run " + runId + " is closed");
            }
            if (m.category() == null || m.recordType() == null || m.recordKey() == null) {
                throw new IllegalArgumentException("A mismatch needs a category, record type and record key: " + m.category()
                        + " " + m.recordType() + " " + m.recordKey());
            }
            long fixes = model.ratiosFixedBy(m);
            long carries = 0;
            if (fixes != 0) {
                String record = m.recordType() + '\u0000' + m.recordKey();
                long seen = carried.getOrDefault(record, 0L);
                carries = fixes & ~seen;
                if (carries != 0) {
                    carried.put(record, seen | fixes);
                }
            }
            boolean personal = "APPLICANT".equals(m.recordType()) || (m.field() != null && m.field().contains("DinhDanh"));
            seq++;
            copyRow(runId, Long.toString(seq), m.category(), m.recordType(), m.recordKey(), m.unitCode(), m.unitName(),
                    m.field() == null ? "" : m.field(), masked(personal, m.cityValue()), masked(personal, m.portalValue()),
                    Long.toString(carries), OffsetDateTime.now(clock.withZone(Vietnam.ZONE)).toString());
            if (++inBatch >= batchSize) {
                flush();
            }
        }

        /** Rows accepted so far. */
        public synchronized long count() {
            return seq;
        }

        /** Prices every row, marks it NEW or PERSISTING and moves the run's rows into {@code mismatch}. */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            flush();
            carried.clear();
            price();
        }

        private void copyRow(String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    batch.append(',');
                }
                String v = values[i];
                if (v != null) {
                    batch.append('"').append(v.replace("\u0000", "").replace("\"", "\"\"")).append('"');
                }
            }
            batch.append('\n');
        }

        private void flush() {
            if (inBatch == 0) {
                return;
            }
            String rows = batch.toString();
            jdbc.execute((ConnectionCallback<Long>) con -> {
                try {
                    return con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy mismatch_staging (run_id, seq, category, "
                            + "record_type, record_key, unit_code, unit_name, field, city_value, portal_value, ratios, "
                            + "detected_at) from stdin (format csv)", new StringReader(rows));
                } catch (IOException e) {
                    throw new SQLException("COPY into mismatch_staging failed", e);
                }
            });
            batch.setLength(0);
            inBatch = 0;
        }

        private void price() {
            StringBuilder impact = new StringBuilder("0");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < model.ratioCount(); i++) {
                double points = model.impactOf(1L << i, facts);
                if (points > 0) {
                    impact.append(" + (case when (s.ratios & ?) <> 0 then ? else 0 end)");
                    args.add(1L << i);
                    args.add(BigDecimal.valueOf(points));
                }
            }
            args.addAll(List.of(previousRun(runId).orElse(""), runId));
            jdbc.update("insert into mismatch (run_id, seq, category, record_type, record_key, unit_code, unit_name, field,"
                    + " city_value, portal_value, ratios, detected_at, impact_points, change)"
                    + " select s.run_id, s.seq, s.category, s.record_type, s.record_key, s.unit_code, s.unit_name, s.field,"
                    + " s.city_value, s.portal_value, s.ratios, s.detected_at, " + impact + ","
                    + " case when p.category is null then 'NEW' else 'PERSISTING' end"
                    + " from mismatch_staging s left join (select distinct category, record_key, field from mismatch"
                    + " where run_id = ?) p on p.category = s.category and p.record_key = s.record_key and p.field = s.field"
                    + " where s.run_id = ?", args.toArray());
            jdbc.update("delete from mismatch_staging where run_id = ?", runId);
            // Fresh statistics for the report's queries that compare this run with the previous one: planned on
            // statistics that predate this run's rows, PostgreSQL may probe an index that does not fit the
            // comparison once per row (seconds at ten thousand rows, instead of milliseconds).
            jdbc.execute("analyze mismatch");
        }
    }

    private static String masked(boolean personal, String value) {
        if (!personal || value == null) {
            return value;
        }
        Matcher m = ID_NUMBER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumbers.mask(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** The run's id, or for {@code latest} the latest {@code reconcile} or {@code nightly} run that succeeded. */
    public Optional<String> resolveRun(String idOrLatest) {
        List<String> ids = "latest".equals(idOrLatest)
                ? jdbc.queryForList("select id from run where type in " + REPORTED_TYPES
                        + " and status = 'SUCCEEDED' order by started_at desc limit 1", String.class)
                : jdbc.queryForList("select id from run where id = ?", String.class, idOrLatest);
        return ids.stream().findFirst();
    }

    /** The run this one's rows are compared with: see the class comment. */
    public Optional<String> previousRun(String runId) {
        return jdbc.queryForList("select p.id from run p join run c on c.id = ? where p.type in " + REPORTED_TYPES
                + " and p.status = 'SUCCEEDED' and p.id <> c.id and p.started_at < c.started_at"
                + " order by p.started_at desc limit 1", String.class, runId).stream().findFirst();
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
        List<MismatchRow> rows = jdbc.query("select " + COLUMNS + where + " order by impact_points desc, seq limit ? offset ?",
                (rs, n) -> row(rs), args.toArray());
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
            stream("select " + RESOLVED_COLUMNS + " from mismatch p where p.run_id = ?"
                    + " and not exists (select 1 from mismatch m where m.run_id = ? and " + SAME_AS_P + ")"
                    + " order by p.impact_points desc, p.seq", each, previous.get(), runId);
        }
    }

    /** How many of the run's rows are new and persisting, and how many of the previous run's are resolved. */
    public Changes changes(String runId) {
        String previous = previousRun(runId).orElse(null);
        Map<String, Object> counts = jdbc.queryForMap("select count(*) filter (where change = 'NEW') as n,"
                + " count(*) filter (where change = 'PERSISTING') as p,"
                + " (select count(*) from mismatch p where p.run_id = ? and not exists"
                + " (select 1 from mismatch m where m.run_id = ? and " + SAME_AS_P + ")) as r"
                + " from mismatch where run_id = ?", previous == null ? "" : previous, runId, runId);
        return new Changes(previous, ((Number) counts.get("n")).longValue(), ((Number) counts.get("p")).longValue(),
                ((Number) counts.get("r")).longValue());
    }

    /**
     * Counts, changes and summed impact of the run's rows by unit, category or both, largest impact first
     * (then most rows). Units and categories that only have resolved rows are listed too.
     */
    public List<Total> totals(String runId, By by) {
        String dims = switch (by) {
            case UNIT -> "unit_code";
            case CATEGORY -> "category";
            case UNIT_AND_CATEGORY -> "unit_code, category";
        };
        String previous = previousRun(runId).orElse("");
        return jdbc.query("select " + dims + ", max(unit_name) as unit_name, sum(n) as n, sum(nw) as nw, sum(ps) as ps,"
                + " sum(rs) as rs, sum(imp) as imp from ("
                + " select coalesce(unit_code, '') as unit_code, unit_name, category, 1 as n,"
                + " case when change = 'NEW' then 1 else 0 end as nw, case when change = 'PERSISTING' then 1 else 0 end as ps,"
                + " 0 as rs, impact_points as imp from mismatch where run_id = ?"
                + " union all select coalesce(p.unit_code, ''), p.unit_name, p.category, 0, 0, 0, 1, 0 from mismatch p"
                + " where p.run_id = ? and not exists (select 1 from mismatch m where m.run_id = ? and " + SAME_AS_P + ")"
                + ") x group by " + dims + " order by imp desc, n desc, " + dims,
                (rs, n) -> new Total(
                        by == By.CATEGORY ? null : rs.getString("unit_code"),
                        by == By.CATEGORY ? null : nonNull(rs.getString("unit_name")),
                        by == By.UNIT ? null : rs.getString("category"),
                        rs.getLong("n"), rs.getLong("nw"), rs.getLong("ps"), rs.getLong("rs"), rs.getDouble("imp")),
                runId, previous, runId);
    }

    /** Stores the run's index estimate ({@link IndexModel#estimateAll}), replacing an earlier one. */
    public void saveIndex(String runId, List<GroupScore> estimates) {
        jdbc.update("delete from index_estimate where run_id = ?", runId);
        Map<String, Integer> positions = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (GroupScore g : estimates) {
            int position = positions.merge(nonNull(g.unitCode()), 1, Integer::sum);
            rows.add(new Object[] {runId, nonNull(g.unitCode()), g.group(), decimal(g.city()), decimal(g.portal()),
                    BigDecimal.valueOf(g.max()), g.unitName(), g.name(), position});
        }
        jdbc.batchUpdate("insert into index_estimate (run_id, unit_code, group_id, city_score, portal_score, max_score,"
                + " unit_name, group_name, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The run's stored index estimate; empty when it has none. */
    public Optional<IndexReport> index(String runId) {
        Map<String, List<GroupScore>> byUnit = new LinkedHashMap<>();
        jdbc.query("select * from index_estimate where run_id = ? order by unit_code <> '', unit_code, position",
                rs -> {
                    byUnit.computeIfAbsent(rs.getString("unit_code"), k -> new ArrayList<>()).add(new GroupScore(
                            rs.getString("unit_code"), nonNull(rs.getString("unit_name")), rs.getString("group_id"),
                            nonNull(rs.getString("group_name")), rs.getDouble("max_score"),
                            score(rs, "city_score"), score(rs, "portal_score")));
                }, runId);
        if (byUnit.isEmpty()) {
            return Optional.empty();
        }
        List<IndexReport.UnitIndex> units = byUnit.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> new IndexReport.UnitIndex(e.getKey(), e.getValue().get(0).unitName(), e.getValue())).toList();
        return Optional.of(new IndexReport(runId, byUnit.getOrDefault("", List.of()), units));
    }

    private void stream(String sql, Consumer<MismatchRow> each, Object... args) {
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

    private static MismatchRow row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("detected_at", OffsetDateTime.class);
        return new MismatchRow(rs.getString("run_id"), rs.getString("category"), rs.getString("record_type"),
                rs.getString("record_key"), nonNull(rs.getString("unit_code")), nonNull(rs.getString("unit_name")),
                rs.getString("field"), rs.getString("city_value"), rs.getString("portal_value"),
                rs.getDouble("impact_points"), at == null ? null : at.atZoneSameInstant(Vietnam.ZONE).toOffsetDateTime(),
                rs.getString("change"));
    }

    private static Double score(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.doubleValue();
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

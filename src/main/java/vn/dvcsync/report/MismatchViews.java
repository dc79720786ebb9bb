package vn.dvcsync.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.UnitScope;

/**
 * The officials' console's reads of a run's mismatches: a filtered view ({@link MismatchFilter}) paged largest impact
 * first, the same view streamed as CSV or XLSX, the rows resolved since the previous run, the fields a run's rows
 * name, and the history of the reporting runs. Written beside {@link MismatchStore} (whose rows and order it keeps),
 * and like it in the logged-in user's units ({@link UnitScope#current()}): a unit asked for outside them is refused.
 */
@Component
public class MismatchViews {

    private final JdbcTemplate jdbc;
    private final MismatchStore store;
    private final XlsxReport xlsx = new XlsxReport();

    public MismatchViews(JdbcTemplate jdbc, MismatchStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** One reporting run (reconcile or nightly that succeeded) with its sums, for the console's history. */
    public record RunPoint(
            String runId,
            String type,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            long mismatches,
            double impactPoints,
            Double cityScore,
            Double portalScore,
            double maxScore) {}

    /** A page of the run's rows matching {@code filter}, largest impact first. */
    public Page<MismatchRow> find(String runId, MismatchFilter filter, int page, int size) {
        Page.check(page, size);
        List<Object> args = new ArrayList<>();
        String where = where("m", runId, filter, true, args);
        return Page.query(
                jdbc,
                "select count(*) from mismatch m" + where,
                "select " + columns("m", "m.change") + " from mismatch m" + where
                        + " order by m.impact_points desc, m.seq limit ? offset ?",
                (rs, n) -> MismatchStore.row(rs),
                args,
                page,
                size);
    }

    /**
     * A page of the previous run's rows that this run no longer has (as RESOLVED rows), matching the filter's unit,
     * category and field; empty when there is no previous run.
     */
    public Page<MismatchRow> resolved(String runId, MismatchFilter filter, int page, int size) {
        Page.check(page, size);
        Optional<String> previous = store.previousRun(runId);
        if (previous.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        List<Object> args = new ArrayList<>();
        String where = resolvedWhere(previous.get(), runId, filter, args);
        return Page.query(
                jdbc,
                "select count(*) from mismatch p" + where,
                "select " + columns("p", "'RESOLVED' as change") + " from mismatch p" + where
                        + " order by p.impact_points desc, p.seq limit ? offset ?",
                (rs, n) -> MismatchStore.row(rs),
                args,
                page,
                size);
    }

    /** The fields the run's rows name (the blank field of a row about a whole record left out), sorted. */
    public List<String> fields(String runId) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String units = units("unit_code", null, args);
        return jdbc.queryForList(
                "select distinct field from mismatch where run_id = ? and field <> ''" + units + " order by field",
                String.class,
                args.toArray());
    }

    /** The filtered view as the CSV report (the contract's columns), largest impact first, streamed. */
    public void csv(String runId, MismatchFilter filter, OutputStream out) throws IOException {
        CsvReport.write(out, each -> forEach(runId, filter, each));
    }

    /**
     * The filtered view as the XLSX report: its summary by unit and category, its rows, and the rows resolved since
     * the previous run that match the filter's unit, category and field.
     */
    public void xlsx(String runId, MismatchFilter filter, OutputStream out) throws IOException {
        List<Total> totals = filter.field() != null || filter.change() != null
                ? filteredTotals(runId, filter)
                : store.totals(runId, MismatchStore.By.UNIT_AND_CATEGORY).stream()
                        .filter(t -> filter.unit() == null || filter.unit().equals(t.unitCode()))
                        .filter(t ->
                                filter.category() == null || filter.category().equals(t.category()))
                        .toList();
        xlsx.write(out, totals, each -> forEach(runId, filter, each), each -> forEachResolved(runId, filter, each));
    }

    /**
     * The newest {@code limit} reporting runs (reconcile or nightly that succeeded), oldest first: rows, points at stake
     * and the index estimate summed over its groups (city view, portal view, their points) — province-wide, or with
     * {@code unit} the unit's.
     */
    public List<RunPoint> history(int limit, String unit) {
        // the rows of the unit, else of the user's units (every unit: the province)
        List<Object> rowArgs = new ArrayList<>();
        String rows = units("m.unit_code", unit, rowArgs);
        // the index estimate of the unit, else of the province, or summed over the user's units
        UnitScope scope = UnitScope.current();
        List<Object> indexArgs = new ArrayList<>();
        String index;
        if (unit != null || scope.all()) {
            index = "unit_code = ?";
            indexArgs.add(unit == null ? "" : unit);
        } else {
            index = "unit_code is not null" + scope.sql("unit_code");
            indexArgs.addAll(scope.sqlArgs());
        }
        // the newest runs first (at most limit), then each one's rows counted and summed in one pass
        List<Object> args = new ArrayList<>();
        args.add(limit);
        args.addAll(rowArgs);
        args.addAll(indexArgs);
        List<RunPoint> points = jdbc.query(
                "with recent as (select id, type, started_at, finished_at from run"
                        + " where type in ('reconcile', 'nightly') and status = 'SUCCEEDED'"
                        + " order by started_at desc limit ?)"
                        + " select r.id, r.type, r.started_at, r.finished_at, t.n, t.imp,"
                        + " e.city, e.portal, coalesce(e.max, 0) as max"
                        + " from recent r cross join lateral (select count(*) as n,"
                        + " coalesce(sum(m.impact_points), 0) as imp from mismatch m where m.run_id = r.id" + rows
                        + ") t"
                        + " left join (select run_id, sum(city_score) as city, sum(portal_score) as portal,"
                        + " sum(max_score) as max from index_estimate where " + index
                        + " and run_id in (select id from recent) group by run_id) e on e.run_id = r.id"
                        + " order by r.started_at desc",
                (rs, n) -> new RunPoint(
                        rs.getString("id"),
                        rs.getString("type"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getLong("n"),
                        rs.getDouble("imp"),
                        score(rs.getBigDecimal("city")),
                        score(rs.getBigDecimal("portal")),
                        rs.getDouble("max")),
                args.toArray());
        List<RunPoint> oldestFirst = new ArrayList<>(points);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The condition {@code " and <column> = ?"} for {@code unit} (refused when out of the user's units), else the
     * user's units' condition (nothing for every unit); its arguments added to {@code args}.
     */
    private static String units(String column, String unit, List<Object> args) {
        UnitScope scope = UnitScope.current();
        if (unit != null) {
            scope.check(unit);
            args.add(unit);
            return " and " + column + " = ?";
        }
        args.addAll(scope.sqlArgs());
        return scope.sql(column);
    }

    /** The run's type, start and end, or empty when there is no such run. */
    public Optional<RunPoint> run(String runId) {
        return jdbc
                .query(
                        "select id, type, started_at, finished_at from run where id = ?",
                        (rs, n) -> new RunPoint(
                                rs.getString("id"),
                                rs.getString("type"),
                                rs.getObject("started_at", OffsetDateTime.class),
                                rs.getObject("finished_at", OffsetDateTime.class),
                                0,
                                0,
                                null,
                                null,
                                0),
                        runId)
                .stream()
                .findFirst();
    }

    /**
     * The records of the run (of {@code unit} when given) whose fixing gains the most points: each record's rows
     * summed, largest first, at most {@code limit}.
     */
    public List<RecordToFix> toFix(String runId, String unit, int limit) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String units = units("unit_code", unit, args);
        args.add(limit);
        return jdbc.query(
                "select record_type, record_key, max(unit_code) as unit_code, max(unit_name) as unit_name,"
                        + " count(*) as n, sum(impact_points) as imp, string_agg(distinct category, ',') as categories"
                        + " from mismatch where run_id = ?" + units + " and impact_points > 0"
                        + " group by record_type, record_key order by imp desc, record_key limit ?",
                (rs, n) -> new RecordToFix(
                        rs.getString("record_type"),
                        rs.getString("record_key"),
                        rs.getString("unit_code"),
                        rs.getString("unit_name"),
                        rs.getLong("n"),
                        rs.getDouble("imp"),
                        List.of(rs.getString("categories").split(","))),
                args.toArray());
    }

    /** One record's mismatches summed: what fixing it gains. */
    public record RecordToFix(
            String recordType,
            String recordKey,
            String unitCode,
            String unitName,
            long rows,
            double impactPoints,
            List<String> categories) {}

    /** Every reporting run's rows about record {@code recordKey}, newest run first (at most 500 rows). */
    public List<MismatchRow> ofRecord(String recordKey) {
        List<Object> args = new ArrayList<>(List.of(recordKey));
        String units = units("m.unit_code", null, args);
        return jdbc.query(
                "select " + columns("m", "m.change") + " from mismatch m join run r on r.id = m.run_id"
                        + " where m.record_key = ? and r.status = 'SUCCEEDED'" + units
                        + " order by r.started_at desc, m.impact_points desc, m.seq limit 500",
                (rs, n) -> MismatchStore.row(rs),
                args.toArray());
    }

    private void forEach(String runId, MismatchFilter filter, Consumer<MismatchRow> each) {
        List<Object> args = new ArrayList<>();
        String where = where("m", runId, filter, true, args);
        store.stream(
                "select " + columns("m", "m.change") + " from mismatch m" + where
                        + " order by m.impact_points desc, m.seq",
                each,
                args.toArray());
    }

    private void forEachResolved(String runId, MismatchFilter filter, Consumer<MismatchRow> each) {
        Optional<String> previous = store.previousRun(runId);
        if (previous.isPresent()) {
            List<Object> args = new ArrayList<>();
            String where = resolvedWhere(previous.get(), runId, filter, args);
            store.stream(
                    "select " + columns("p", "'RESOLVED' as change") + " from mismatch p" + where
                            + " order by p.impact_points desc, p.seq",
                    each,
                    args.toArray());
        }
    }

    private List<Total> filteredTotals(String runId, MismatchFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where("m", runId, filter, true, args);
        return jdbc.query(
                "select coalesce(m.unit_code, '') as unit_code, max(m.unit_name) as unit_name, m.category,"
                        + " count(*) as n, count(*) filter (where m.change = 'NEW') as nw,"
                        + " count(*) filter (where m.change = 'PERSISTING') as ps, sum(m.impact_points) as imp"
                        + " from mismatch m" + where + " group by coalesce(m.unit_code, ''), m.category"
                        + " order by imp desc, n desc, 1, 3",
                (rs, n) -> new Total(
                        rs.getString("unit_code"),
                        rs.getString("unit_name") == null ? "" : rs.getString("unit_name"),
                        rs.getString("category"),
                        rs.getLong("n"),
                        rs.getLong("nw"),
                        rs.getLong("ps"),
                        0,
                        rs.getDouble("imp")),
                args.toArray());
    }

    private static String resolvedWhere(String previous, String runId, MismatchFilter filter, List<Object> args) {
        String where = where("p", previous, filter, false, args);
        args.add(runId);
        return where + " and not exists (select 1 from mismatch m where m.run_id = ? and " + MismatchTotals.SAME_AS_P
                + ")";
    }

    /**
     * The condition of a filtered view, in the logged-in user's units ({@link UnitScope#current()}); a filter naming
     * a unit out of them is refused.
     */
    private static String where(String t, String runId, MismatchFilter filter, boolean change, List<Object> args) {
        StringBuilder where = new StringBuilder(" where " + t + ".run_id = ?");
        args.add(runId);
        where.append(units(t + ".unit_code", filter.unit(), args));
        if (filter.category() != null) {
            where.append(" and ").append(t).append(".category = ?");
            args.add(filter.category());
        }
        if (filter.field() != null) {
            where.append(" and ").append(t).append(".field = ?");
            args.add(filter.field());
        }
        if (change && filter.change() != null) {
            where.append(" and ").append(t).append(".change = ?");
            args.add(filter.change());
        }
        return where.toString();
    }

    /** The report's columns (the CSV's, in its order) of table {@code t}, then {@code change}. */
    private static String columns(String t, String change) {
        return String.join(", ", CsvReport.COLUMNS).replaceAll("(\\w+)", t + ".$1") + ", " + change;
    }

    private static Double score(java.math.BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}

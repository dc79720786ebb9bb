package vn.dvcsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.kernel.UnitScope;

/**
 * The aggregations of a run's rows against the previous run's: changes, and totals by unit, category or both; of the
 * rows in a {@link UnitScope} only (a row of this run and one of the previous are the same mismatch whatever their unit).
 */
final class MismatchTotals {

    /** A row of this run ({@code m}) and one of the previous run ({@code p}) that are the same mismatch. */
    static final String SAME_AS_P = "m.category = p.category and m.record_key = p.record_key and m.field = p.field";

    private final JdbcTemplate jdbc;
    private final ReportedRuns runs;

    MismatchTotals(JdbcTemplate jdbc, ReportedRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    Changes changes(String runId, UnitScope scope) {
        String previous = runs.previous(runId).orElse(null);
        List<Object> args = new ArrayList<>(List.of(previous == null ? "" : previous));
        args.addAll(scope.sqlArgs());
        args.add(runId);
        args.add(runId);
        args.addAll(scope.sqlArgs());
        Map<String, Object> counts = jdbc.queryForMap(
                "select count(*) filter (where change = 'NEW') as n,"
                        + " count(*) filter (where change = 'PERSISTING') as p,"
                        + " (select count(*) from mismatch p where p.run_id = ?" + scope.sql("p.unit_code")
                        + " and not exists (select 1 from mismatch m where m.run_id = ? and " + SAME_AS_P + ")) as r"
                        + " from mismatch where run_id = ?" + scope.sql("unit_code"),
                args.toArray());
        return new Changes(
                previous,
                ((Number) counts.get("n")).longValue(),
                ((Number) counts.get("p")).longValue(),
                ((Number) counts.get("r")).longValue());
    }

    List<Total> totals(String runId, MismatchStore.By by, UnitScope scope) {
        String dims = switch (by) {
            case UNIT -> "unit_code";
            case CATEGORY -> "category";
            case UNIT_AND_CATEGORY -> "unit_code, category";
        };
        String previous = runs.previous(runId).orElse("");
        List<Object> args = new ArrayList<>(List.of(runId));
        args.addAll(scope.sqlArgs());
        args.add(previous);
        args.addAll(scope.sqlArgs());
        args.add(runId);
        return jdbc.query(
                "select " + dims + ", max(unit_name) as unit_name, sum(n) as n, sum(nw) as nw, sum(ps) as ps,"
                        + " sum(rs) as rs, sum(imp) as imp from ("
                        + " select coalesce(unit_code, '') as unit_code, unit_name, category, 1 as n,"
                        + " case when change = 'NEW' then 1 else 0 end as nw, case when change = 'PERSISTING' then 1 else 0 end as ps,"
                        + " 0 as rs, impact_points as imp from mismatch where run_id = ?" + scope.sql("unit_code")
                        + " union all select coalesce(p.unit_code, ''), p.unit_name, p.category, 0, 0, 0, 1, 0 from mismatch p"
                        + " where p.run_id = ?" + scope.sql("p.unit_code")
                        + " and not exists (select 1 from mismatch m where m.run_id = ? and "
                        + SAME_AS_P + ")"
                        + ") x group by " + dims + " order by imp desc, n desc, " + dims,
                (rs, n) -> new Total(
                        by == MismatchStore.By.CATEGORY ? null : rs.getString("unit_code"),
                        by == MismatchStore.By.CATEGORY ? null : nonNull(rs.getString("unit_name")),
                        by == MismatchStore.By.UNIT ? null : rs.getString("category"),
                        rs.getLong("n"),
                        rs.getLong("nw"),
                        rs.getLong("ps"),
                        rs.getLong("rs"),
                        rs.getDouble("imp")),
                args.toArray());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

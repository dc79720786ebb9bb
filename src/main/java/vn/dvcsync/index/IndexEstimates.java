package vn.dvcsync.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.UnitScope;

/** The index estimate of each run (table {@code index_estimate}): province-wide, then per unit. */
@Component
public class IndexEstimates {

    private final JdbcTemplate jdbc;

    public IndexEstimates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the run's index estimate ({@link IndexModel#estimateAll}), replacing an earlier one. */
    public void save(String runId, List<GroupScore> estimates) {
        jdbc.update("delete from index_estimate where run_id = ?", runId);
        Map<String, Integer> positions = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (GroupScore g : estimates) {
            int position = positions.merge(nonNull(g.unitCode()), 1, Integer::sum);
            rows.add(new Object[] {
                runId,
                nonNull(g.unitCode()),
                g.group(),
                decimal(g.city()),
                decimal(g.portal()),
                BigDecimal.valueOf(g.max()),
                g.unitName(),
                g.name(),
                position
            });
        }
        jdbc.batchUpdate(
                "insert into index_estimate (run_id, unit_code, group_id, city_score, portal_score, max_score,"
                        + " unit_name, group_name, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /**
     * The run's stored index estimate in the logged-in user's scope ({@link UnitScope#current()}); empty when the run
     * has none.
     */
    public Optional<IndexReport> of(String runId) {
        return of(runId, UnitScope.current());
    }

    /**
     * The run's stored index estimate in {@code scope}: for every unit the province-wide groups and each unit's; for
     * some units theirs only (the province-wide groups sum every unit's records, so they are not theirs); empty when
     * the run has none.
     */
    public Optional<IndexReport> of(String runId, UnitScope scope) {
        Map<String, List<GroupScore>> byUnit = new LinkedHashMap<>();
        jdbc.query(
                "select * from index_estimate where run_id = ? order by unit_code <> '', unit_code, position",
                rs -> {
                    byUnit.computeIfAbsent(rs.getString("unit_code"), k -> new ArrayList<>())
                            .add(new GroupScore(
                                    rs.getString("unit_code"),
                                    nonNull(rs.getString("unit_name")),
                                    rs.getString("group_id"),
                                    nonNull(rs.getString("group_name")),
                                    rs.getDouble("max_score"),
                                    score(rs, "city_score"),
                                    score(rs, "portal_score")));
                },
                runId);
        if (byUnit.isEmpty()) {
            return Optional.empty();
        }
        List<IndexReport.UnitIndex> units = byUnit.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && scope.allows(e.getKey()))
                .map(e -> new IndexReport.UnitIndex(
                        e.getKey(), e.getValue().get(0).unitName(), e.getValue()))
                .toList();
        return Optional.of(new IndexReport(runId, scope.all() ? byUnit.getOrDefault("", List.of()) : List.of(), units));
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

package vn.dvcsync.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which runs a report is about (table {@code run}, read only): the run asked for, or the latest that reported, and the
 * run its rows are compared with: the latest {@code reconcile} or {@code nightly} run that SUCCEEDED and started
 * before it (a failed run's rows are partial).
 */
final class ReportedRuns {

    private static final String REPORTED_TYPES = "('reconcile', 'nightly')";
    private static final Set<String> REPORTED = Set.of("reconcile", "nightly");

    private final JdbcTemplate jdbc;

    ReportedRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The run's id, or for {@code latest} the latest {@code reconcile} or {@code nightly} run that succeeded.
     *
     * @throws NoComparisonException when the run is of a type that compares nothing, naming the newest that does
     */
    Optional<String> resolve(String idOrLatest) {
        if ("latest".equals(idOrLatest)) {
            return latest();
        }
        List<String> types = jdbc.queryForList("select type from run where id = ?", String.class, idOrLatest);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        if (!REPORTED.contains(types.get(0))) {
            throw new NoComparisonException(idOrLatest, types.get(0), latest().orElse(null));
        }
        return Optional.of(idOrLatest);
    }

    private Optional<String> latest() {
        return jdbc
                .queryForList(
                        "select id from run where type in " + REPORTED_TYPES
                                + " and status = 'SUCCEEDED' order by started_at desc limit 1",
                        String.class)
                .stream()
                .findFirst();
    }

    /** The run this one's rows are compared with. */
    Optional<String> previous(String runId) {
        return jdbc
                .queryForList(
                        "select p.id from run p join run c on c.id = ? where p.type in " + REPORTED_TYPES
                                + " and p.status = 'SUCCEEDED' and p.id <> c.id and p.started_at < c.started_at"
                                + " order by p.started_at desc limit 1",
                        String.class,
                        runId)
                .stream()
                .findFirst();
    }
}

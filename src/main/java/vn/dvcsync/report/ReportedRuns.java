package vn.dvcsync.report;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which runs a report is about (table {@code run}, read only): the run asked for, or the latest that reported, and the
 * run its rows are compared with: the latest {@code reconcile} or {@code nightly} run that SUCCEEDED and started
 * before it (a failed run's rows are partial).
 */
final class ReportedRuns {

    private static final String REPORTED_TYPES = "('reconcile', 'nightly')";

    private final JdbcTemplate jdbc;

    ReportedRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's id, or for {@code latest} the latest {@code reconcile} or {@code nightly} run that succeeded. */
    Optional<String> resolve(String idOrLatest) {
        List<String> ids = "latest".equals(idOrLatest)
                ? jdbc.queryForList(
                        "select id from run where type in " + REPORTED_TYPES
                                + " and status = 'SUCCEEDED' order by started_at desc limit 1",
                        String.class)
                : jdbc.queryForList("select id from run where id = ?", String.class, idOrLatest);
        return ids.stream().findFirst();
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

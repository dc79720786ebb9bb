package vn.dvcsync.report;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.testsupport.TestPostgres;

/** The report tests' store: a fresh, migrated store database for each caller ({@link TestPostgres}), and its runs. */
final class TestDatabase {

    private TestDatabase() {}

    static JdbcTemplate fresh() {
        return TestPostgres.store("report").jdbc();
    }

    /** A run row as the run service writes it. */
    static void run(JdbcTemplate jdbc, String id, String type, String status, OffsetDateTime startedAt) {
        jdbc.update(
                "insert into run (id, type, status, started_at, finished_at) values (?, ?, ?, ?, ?)",
                id,
                type,
                status,
                startedAt,
                "RUNNING".equals(status) ? null : startedAt.plusMinutes(5));
    }

    static void finish(JdbcTemplate jdbc, String id) {
        jdbc.update("update run set status = 'SUCCEEDED', finished_at = now() where id = ?", id);
    }
}

package vn.dvcsync.report;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** One embedded PostgreSQL per test JVM; each caller gets a fresh, migrated store database of its own. */
final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres pg;

    private TestDatabase() {
    }

    static synchronized JdbcTemplate fresh() {
        try {
            if (pg == null) {
                pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going
                    }
                }));
            }
            String name = "report_" + NEXT.incrementAndGet();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            DataSource ds = pg.getDatabase("postgres", name);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new JdbcTemplate(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run row as the run service writes it. */
    static void run(JdbcTemplate jdbc, String id, String type, String status, OffsetDateTime startedAt) {
        jdbc.update("insert into run (id, type, status, started_at, finished_at) values (?, ?, ?, ?, ?)",
                id, type, status, startedAt, "RUNNING".equals(status) ? null : startedAt.plusMinutes(5));
    }

    static void finish(JdbcTemplate jdbc, String id) {
        jdbc.update("update run set status = 'SUCCEEDED', finished_at = now() where id = ?", id);
    }
}

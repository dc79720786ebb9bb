package vn.dvcsync.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one embedded PostgreSQL of a test JVM (started on first use, stopped when the JVM ends), in which each test
 * gets databases of its own. The Spring contexts of the gateway start theirs from {@code dvcsync.store.embedded.*}, as
 * the gateway does; the reconcile benchmark keeps its own, for a data set it can reuse.
 */
public final class TestPostgres {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres pg;

    /** A database of its own: its name, a data source on it and its JDBC URL (user {@code postgres}). */
    public record Database(String name, DataSource dataSource, String jdbcUrl) {

        public JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource);
        }
    }

    private TestPostgres() {}

    /** A new empty database, named {@code <prefix>_<n>}. */
    public static synchronized Database create(String prefix) {
        EmbeddedPostgres server = server();
        String name = prefix + "_" + NEXT.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return new Database(name, server.getDatabase("postgres", name), server.getJdbcUrl("postgres", name));
    }

    /** A new database migrated as the gateway's store (Flyway, {@code db/migration}). */
    public static Database store(String prefix) {
        Database db = create(prefix);
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }

    private static EmbeddedPostgres server() {
        if (pg == null) {
            try {
                pg = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL of the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going
                }
            }));
        }
        return pg;
    }
}

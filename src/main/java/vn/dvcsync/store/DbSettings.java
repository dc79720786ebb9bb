package vn.dvcsync.store;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * JDBC settings of one database; a blank {@code url} means "use the embedded PostgreSQL". The time-outs and the pool
 * size left out take the defaults of the database they belong to ({@link PoolDefaults}).
 *
 * @param url                  JDBC URL (jdbc:postgresql://host:5432/db); blank: the embedded PostgreSQL
 * @param username             the database user
 * @param password             that user's password; no value is committed (pass it as an environment variable)
 * @param maximumPoolSize      connections in the pool at most
 * @param connectionTimeout    how long a caller waits for a connection: one from the pool, or a new one to log in
 * @param socketTimeout        the longest wait for the database's answer to one statement or fetch, after which the
 *                             connection is given up (a stalled server or network); longer than
 *                             statement-timeout, so that a healthy server always answers first
 * @param statementTimeout     the longest the server runs one statement before cancelling it (its
 *                             statement_timeout); in a streaming read it holds for each fetch, not the stream
 * @param requestSocketTimeout the socket time-out while the gateway answers an HTTP request (API calls, pages,
 *                             health): a stalled database fails the request in seconds
 */
public record DbSettings(
        String url,
        String username,
        String password,
        Integer maximumPoolSize,
        Duration connectionTimeout,
        Duration socketTimeout,
        Duration statementTimeout,
        Duration requestSocketTimeout) {

    @ConstructorBinding
    public DbSettings {}

    /** Connection settings with every time-out and the pool size at their defaults. */
    public DbSettings(String url, String username, String password) {
        this(url, username, password, null, null, null, null, null);
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}

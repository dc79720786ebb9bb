package vn.dvcsync.store;

import java.time.Duration;

/**
 * The defaults of a database's pool settings, and the settings with them filled in.
 *
 * <p>Which time-out bounds what: a caller waiting for a connection gives up after {@code connection-timeout}; the
 * server cancels a statement after {@code statement-timeout} (for a streaming read, each fetch of
 * {@code fetch-size} rows: the read itself may go on for as long as it takes); the gateway gives a connection up when
 * the server has not answered for {@code socket-timeout} (a stalled server: nothing else would end the wait), or for
 * {@code request-socket-timeout} while it answers an HTTP request.
 *
 * <p>The store's ({@link #STORE}): statements of a run at most 4 minutes, a silent server given up after 5; while
 * answering a request, after 5 s. The city's are the city package's ({@code city.CityDataSourceConfiguration}).
 */
public record PoolDefaults(
        int maximumPoolSize,
        Duration connectionTimeout,
        Duration socketTimeout,
        Duration statementTimeout,
        Duration requestSocketTimeout) {

    static final PoolDefaults STORE = new PoolDefaults(
            10, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofSeconds(5));

    /** {@code settings} with what they leave out taken from these defaults. */
    DbSettings fill(DbSettings settings) {
        return new DbSettings(
                settings.url(),
                settings.username(),
                settings.password(),
                settings.maximumPoolSize() != null ? settings.maximumPoolSize() : maximumPoolSize,
                or(settings.connectionTimeout(), connectionTimeout),
                or(settings.socketTimeout(), socketTimeout),
                or(settings.statementTimeout(), statementTimeout),
                or(settings.requestSocketTimeout(), requestSocketTimeout));
    }

    private static Duration or(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }
}

package vn.dvcsync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A pool whose connections, when taken by a thread answering an HTTP request (an API call, a page, a health check),
 * give the database {@code requestSocketTimeout} to answer instead of the pool's socket time-out: a person waiting
 * for a page learns in seconds that the store is stalled, while a run's long statements keep the pool's time-out.
 * The pool puts the connection's own time-out back when it is returned.
 */
final class RequestTimeoutDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Executor DIRECT = Runnable::run;

    private final int requestTimeoutMillis;

    RequestTimeoutDataSource(DataSource pool, Duration requestSocketTimeout) {
        super(pool);
        this.requestTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, requestSocketTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bounded(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bounded(super.getConnection(username, password));
    }

    /** Closes the pool. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection bounded(Connection connection) throws SQLException {
        if (RequestContextHolder.getRequestAttributes() != null) {
            try {
                connection.setNetworkTimeout(DIRECT, requestTimeoutMillis);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }
}

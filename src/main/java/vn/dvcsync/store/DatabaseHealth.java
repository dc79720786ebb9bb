package vn.dvcsync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health of the databases ({@code db}: the store and the city), answered within {@code timeout} for all of them:
 * each is checked on a thread of its own (a connection from its pool, validated), all at once, and one that has not
 * answered by then is DOWN, however long its check itself goes on (a stalled server holds it until the pool's
 * time-outs). While a check is still waiting, the next health call waits for the same one: checks never pile up.
 */
final class DatabaseHealth implements HealthIndicator {

    private final Map<String, DataSource> databases;
    private final Duration timeout;
    private final ExecutorService checker;
    private final Map<String, Future<Health>> checks = new LinkedHashMap<>();

    DatabaseHealth(Map<String, DataSource> databases, Duration timeout) {
        this.databases = new LinkedHashMap<>(databases);
        this.timeout = timeout;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                databases.size(), databases.size(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "health-db");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true); // no thread kept while health is not asked for
        this.checker = executor;
    }

    @Override
    public Health health() {
        Map<String, Future<Health>> running = start();
        long deadline = System.nanoTime() + timeout.toNanos();
        Health.Builder all = Health.up();
        for (Map.Entry<String, Future<Health>> check : running.entrySet()) {
            Health one = await(check.getValue(), deadline);
            if (!Status.UP.equals(one.getStatus())) {
                all.down();
            }
            all.withDetail(check.getKey(), one);
        }
        return all.build();
    }

    /** The checks going on, a new one for each database whose last check is over. */
    private synchronized Map<String, Future<Health>> start() {
        databases.forEach((name, dataSource) -> {
            Future<Health> last = checks.get(name);
            if (last == null || last.isDone()) {
                checks.put(name, checker.submit(() -> check(dataSource)));
            }
        });
        return new LinkedHashMap<>(checks);
    }

    private Health await(Future<Health> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", e.getCause().getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health check(DataSource dataSource) {
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(seconds)) {
                return Health.down().withDetail("error", "connection not valid").build();
            }
            return Health.up()
                    .withDetail("database", c.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return Health.down()
                    .withDetail(
                            "error",
                            e.getClass().getSimpleName()
                                    + (e.getSQLState() != null ? " (SQLState " + e.getSQLState() + ")" : ""))
                    .build();
        }
    }
}

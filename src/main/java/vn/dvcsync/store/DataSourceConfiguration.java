package vn.dvcsync.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The gateway's store (primary, Flyway-managed) and the embedded PostgreSQL. The store, or the city system (whose
 * read-only pool the city package makes with {@link #pool}), without a configured URL lives in an embedded PostgreSQL whose data stays under
 * {@code dvcsync.store.embedded.data-dir}, so a restart loses nothing.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(
            "'${dvcsync.store.datasource.url:}'.isBlank() or '${dvcsync.city.datasource.url:}'.isBlank()")
    EmbeddedPostgres embeddedPostgres(StoreProperties store) throws IOException {
        File dir = new File(store.embedded().dataDir()).getAbsoluteFile();
        dir.mkdirs();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(store.embedded().clean())
                .setPort(store.embedded().port())
                // stopped by this bean's close, after the pools and Camel: its own JVM hook would stop it at the
                // signal, under a run still recording (SIGTERM then hung the process)
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    @Primary
    DataSource dataSource(StoreProperties store, ObjectProvider<EmbeddedPostgres> embedded) {
        return pool("store", store.datasource(), PoolDefaults.STORE, embedded, false);
    }

    @Bean
    @Primary
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @Primary
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(DataSource dataSource) {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    /**
     * The health of both databases, the store and the city's ({@code city.CityDataSourceConfiguration}), answered
     * within {@code dvcsync.store.health-timeout} (in place of Spring Boot's {@code db} check, which waits as long as
     * the pool does).
     */
    @Bean
    HealthIndicator dbHealthIndicator(
            DataSource dataSource, @Qualifier("cityDataSource") DataSource cityDataSource, StoreProperties store) {
        Map<String, DataSource> databases = new LinkedHashMap<>();
        databases.put("store", dataSource);
        databases.put("city", cityDataSource);
        return new DatabaseHealth(databases, store.healthTimeout());
    }

    /**
     * A pool on {@code given}, or on the embedded PostgreSQL when they have no URL (the city's pool is made so too:
     * {@code city.CityDataSourceConfiguration}), with their time-outs and pool size, those they leave out taken from
     * {@code defaults} (see {@link PoolDefaults} for which bounds what).
     */
    public static DataSource pool(
            String name,
            DbSettings given,
            PoolDefaults defaults,
            ObjectProvider<EmbeddedPostgres> embedded,
            boolean readOnly) {
        DbSettings settings = defaults.fill(given);
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName(name);
        if (settings.configured()) {
            ds.setJdbcUrl(settings.url());
            ds.setUsername(settings.username());
            ds.setPassword(settings.password());
        } else {
            EmbeddedPostgres pg = embedded.getObject();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        }
        ds.setReadOnly(readOnly);
        ds.setMaximumPoolSize(settings.maximumPoolSize());
        long connectMillis = Math.max(250, settings.connectionTimeout().toMillis());
        ds.setConnectionTimeout(connectMillis);
        // a connection taken from the pool after a pause is checked first: within a second, so a stalled server
        // costs a borrower one second before the pool tries a new connection
        ds.setValidationTimeout(Math.max(250, Math.min(1000, connectMillis / 2)));
        String connectSeconds = String.valueOf(seconds(settings.connectionTimeout()));
        ds.addDataSourceProperty("connectTimeout", connectSeconds);
        ds.addDataSourceProperty("loginTimeout", connectSeconds);
        ds.addDataSourceProperty("socketTimeout", String.valueOf(seconds(settings.socketTimeout())));
        ds.addDataSourceProperty("tcpKeepAlive", "true");
        ds.setConnectionInitSql(
                "set statement_timeout = " + settings.statementTimeout().toMillis());
        log.debug(
                "Pool {}: {} connections, connection time-out {}, socket time-out {}, statement time-out {}, "
                        + "while answering a request {}",
                name,
                settings.maximumPoolSize(),
                settings.connectionTimeout(),
                settings.socketTimeout(),
                settings.statementTimeout(),
                settings.requestSocketTimeout());
        return new RequestTimeoutDataSource(ds, settings.requestSocketTimeout());
    }

    /** Whole seconds, the PostgreSQL driver's unit: at least one, but for zero (no time-out). */
    private static long seconds(Duration d) {
        return d.isZero() ? 0 : Math.max(1, (d.toMillis() + 999) / 1000);
    }
}

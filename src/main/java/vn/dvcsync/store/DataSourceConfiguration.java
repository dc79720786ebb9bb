package vn.dvcsync.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    @Primary
    DataSource dataSource(StoreProperties store, ObjectProvider<EmbeddedPostgres> embedded) {
        return pool("store", store.datasource(), embedded, false);
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
     * A pool on {@code settings}, or on the embedded PostgreSQL when they have no URL (the city's pool is made so
     * too: {@code city.CityDataSourceConfiguration}).
     */
    public static DataSource pool(
            String name, DbSettings settings, ObjectProvider<EmbeddedPostgres> embedded, boolean readOnly) {
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
        ds.setMaximumPoolSize(10);
        return ds;
    }
}

package vn.dvcsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.dvcsync.config.MetadataDefaults;

/**
 * Issue #11 item 7: the store's pool size and time-outs are set by the properties the README and the metadata name
 * ({@code dvcsync.store.datasource.*}), and the defaults the metadata gives are the pool's. No connection is opened.
 */
class PoolSettingsTest {

    private static StoreProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("dvcsync.store", StoreProperties.class);
    }

    private static HikariDataSource pool(StoreProperties store) {
        DataSource ds = DataSourceConfiguration.pool(
                "store",
                store.datasource(),
                PoolDefaults.STORE,
                new DefaultListableBeanFactory().getBeanProvider(EmbeddedPostgres.class),
                false);
        return (HikariDataSource) ((DelegatingDataSource) ds).getTargetDataSource();
    }

    @Test
    void theStoresPoolTakesItsSizeAndTimeOutsFromTheProperties() {
        StoreProperties store = bind(Map.of(
                "dvcsync.store.datasource.url", "jdbc:postgresql://store.invalid/gateway",
                "dvcsync.store.datasource.maximum-pool-size", "3",
                "dvcsync.store.datasource.connection-timeout", "2s",
                "dvcsync.store.datasource.socket-timeout", "90s",
                "dvcsync.store.datasource.statement-timeout", "1m",
                "dvcsync.store.datasource.request-socket-timeout", "3s"));
        assertThat(store.datasource().requestSocketTimeout()).hasSeconds(3);
        try (HikariDataSource pool = pool(store)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
            assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "90");
            assertThat(pool.getConnectionInitSql()).isEqualTo("set statement_timeout = 60000");
        }
    }

    @Test
    void leftOutTheyTakeTheDefaultsTheMetadataGives() {
        StoreProperties store = bind(Map.of("dvcsync.store.datasource.url", "jdbc:postgresql://store.invalid/gateway"));
        String p = "dvcsync.store.datasource.";
        try (HikariDataSource pool = pool(store)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(MetadataDefaults.integer(p + "maximum-pool-size"));
            assertThat(pool.getConnectionTimeout())
                    .isEqualTo(
                            MetadataDefaults.duration(p + "connection-timeout").toMillis());
            assertThat(pool.getDataSourceProperties())
                    .containsEntry(
                            "socketTimeout",
                            String.valueOf(MetadataDefaults.duration(p + "socket-timeout")
                                    .toSeconds()));
            assertThat(pool.getConnectionInitSql())
                    .isEqualTo("set statement_timeout = "
                            + MetadataDefaults.duration(p + "statement-timeout").toMillis());
        }
        assertThat(PoolDefaults.STORE.requestSocketTimeout())
                .isEqualTo(MetadataDefaults.duration(p + "request-socket-timeout"));
    }
}

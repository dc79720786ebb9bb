package vn.dvcsync.city;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.dvcsync.config.MetadataDefaults;
import vn.dvcsync.store.DbSettings;

/**
 * issue #9: the city's pool, made by the city package, has the city's time-outs (its reads are runs' work: 10 minutes
 * a statement or fetch, a silent server given up after 11), and what is configured wins over them. No connection is
 * opened.
 */
class CityPoolTest {

    private static HikariDataSource pool(DbSettings settings) {
        DataSource ds = new CityDataSourceConfiguration()
                .cityDataSource(
                        new CityProperties(settings, 1000, Duration.ofMinutes(10)),
                        new DefaultListableBeanFactory().getBeanProvider(EmbeddedPostgres.class));
        return (HikariDataSource) ((DelegatingDataSource) ds).getTargetDataSource();
    }

    @Test
    void theCitysPoolHasTheCitysTimeOutsAndIsReadOnly() {
        try (HikariDataSource city = pool(new DbSettings("jdbc:postgresql://city.invalid/mc", "reader", "pw"))) {
            assertThat(city.isReadOnly()).isTrue();
            assertThat(city.getConnectionInitSql()).isEqualTo("set statement_timeout = 600000");
            assertThat(city.getDataSourceProperties()).containsEntry("socketTimeout", "660");
            assertThat(city.getConnectionTimeout()).isEqualTo(5000);
            assertThat(city.getMaximumPoolSize()).isEqualTo(10);
        }
    }

    @Test
    void configuredTimeOutsWin() {
        try (HikariDataSource city = pool(new DbSettings(
                "jdbc:postgresql://city.invalid/mc",
                "reader",
                "pw",
                3,
                Duration.ofSeconds(2),
                Duration.ofMinutes(31),
                Duration.ofMinutes(30),
                null))) {
            assertThat(city.getConnectionInitSql()).isEqualTo("set statement_timeout = 1800000");
            assertThat(city.getDataSourceProperties()).containsEntry("socketTimeout", "1860");
            assertThat(city.getConnectionTimeout()).isEqualTo(2000);
            assertThat(city.getMaximumPoolSize()).isEqualTo(3);
        }
    }

    /** Issue #11 item 7: what the configuration metadata (and so an IDE and the README) says are the city's defaults. */
    @Test
    void theMetadataGivesTheCitysDefaults() {
        String p = "dvcsync.city.datasource.";
        assertThat(CityDataSourceConfiguration.CITY_POOL.maximumPoolSize())
                .isEqualTo(MetadataDefaults.integer(p + "maximum-pool-size"));
        assertThat(CityDataSourceConfiguration.CITY_POOL.connectionTimeout())
                .isEqualTo(MetadataDefaults.duration(p + "connection-timeout"));
        assertThat(CityDataSourceConfiguration.CITY_POOL.socketTimeout())
                .isEqualTo(MetadataDefaults.duration(p + "socket-timeout"));
        assertThat(CityDataSourceConfiguration.CITY_POOL.statementTimeout())
                .isEqualTo(MetadataDefaults.duration(p + "statement-timeout"));
        assertThat(CityDataSourceConfiguration.CITY_POOL.requestSocketTimeout())
                .isEqualTo(MetadataDefaults.duration(p + "request-socket-timeout"));
    }
}

package vn.dvcsync.city;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.store.DataSourceConfiguration;
import vn.dvcsync.store.PoolDefaults;

/** The city system's database ({@code dvcsync.city.datasource.*}), read only; no URL: the embedded demo city. */
@Configuration(proxyBeanMethods = false)
class CityDataSourceConfiguration {

    /**
     * The city pool's defaults: its reads are runs' work, and the reconciliation's first fetch sorts the whole period
     * (millions of dossiers): 10 minutes a statement or fetch, a silent server given up after 11; while answering a
     * request, after 5 s.
     */
    static final PoolDefaults CITY_POOL = new PoolDefaults(
            10, Duration.ofSeconds(5), Duration.ofMinutes(11), Duration.ofMinutes(10), Duration.ofSeconds(5));

    @Bean
    DataSource cityDataSource(CityProperties city, ObjectProvider<EmbeddedPostgres> embedded) {
        return DataSourceConfiguration.pool("city", city.datasource(), CITY_POOL, embedded, true);
    }
}

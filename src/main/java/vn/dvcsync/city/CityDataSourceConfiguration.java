package vn.dvcsync.city;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.store.DataSourceConfiguration;

/** The city system's database ({@code dvcsync.city.datasource.*}), read only; no URL: the embedded demo city. */
@Configuration(proxyBeanMethods = false)
class CityDataSourceConfiguration {

    @Bean
    DataSource cityDataSource(CityProperties city, ObjectProvider<EmbeddedPostgres> embedded) {
        return DataSourceConfiguration.pool("city", city.datasource(), embedded, true);
    }
}

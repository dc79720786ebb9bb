package vn.dvcsync.city;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.dvcsync.store.DbSettings;

/**
 * The city's one-stop system ({@code dvcsync.city.*}), read only.
 *
 * @param datasource the city database; no URL: the embedded demo city
 * @param pageSize   dossiers read per extraction page
 * @param lookback   how far behind the watermark each incremental extraction starts again, so that a
 *                   transaction that committed late with an older cap_nhat_luc is still seen
 */
@ConfigurationProperties("dvcsync.city")
public record CityProperties(
        @DefaultValue @NestedConfigurationProperty DbSettings datasource,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("PT10M") Duration lookback) {}

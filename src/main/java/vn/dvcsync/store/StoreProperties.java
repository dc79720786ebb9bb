package vn.dvcsync.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own store ({@code dvcsync.store.*}) and the embedded PostgreSQL that stands in for it,
 * and for the city system, when no URL is configured.
 *
 * @param datasource    the store; no URL: the embedded PostgreSQL
 * @param embedded      where the embedded PostgreSQL keeps its data (kept across restarts)
 * @param healthTimeout how long the health check waits for each database (store, city) before calling it DOWN
 */
@ConfigurationProperties("dvcsync.store")
public record StoreProperties(
        @DefaultValue @NestedConfigurationProperty DbSettings datasource,
        @DefaultValue Embedded embedded,
        @DefaultValue("1s") Duration healthTimeout) {

    /**
     * @param dataDir directory of the embedded cluster
     * @param port    0: any free port
     * @param clean   wipe the data directory at start (tests)
     */
    public record Embedded(
            @DefaultValue("./data/postgres") String dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean clean) {}
}

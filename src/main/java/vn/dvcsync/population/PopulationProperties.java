package vn.dvcsync.population;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the population database lookup ({@code dvcsync.population.*}).
 *
 * @param url             exact service URL; absent: the built-in simulator
 * @param ratePerSecond   lookups per second the gateway allows itself (the service's limit)
 * @param concurrency     lookups in flight at once (the service takes 100–800 ms a call)
 * @param cacheTtl        how long an answer is reused before it is asked again
 * @param maxLookupsPerRun lookups one incremental run may make; the rest wait for the next run
 * @param timeout         time-out of one call
 * @param maxAttempts     attempts of one lookup in all (first try included)
 * @param retryInitialDelay first back-off after a failed attempt (it doubles per attempt)
 * @param retryMaxDelay   cap of one back-off, and of an honoured {@code Retry-After}
 */
@ConfigurationProperties("dvcsync.population")
public record PopulationProperties(
        String url,
        String username,
        String secret,
        String apiKey,
        @DefaultValue("VN/GOV/000.00.00.H26/DVCSYNC") String xRoadClient,
        @DefaultValue("20") int ratePerSecond,
        @DefaultValue("8") int concurrency,
        @DefaultValue("P30D") Duration cacheTtl,
        @DefaultValue("600") int maxLookupsPerRun,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("500ms") Duration retryInitialDelay,
        @DefaultValue("30s") Duration retryMaxDelay) {}

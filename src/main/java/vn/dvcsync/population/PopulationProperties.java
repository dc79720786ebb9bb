package vn.dvcsync.population;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the population database lookup ({@code dvcsync.population.*}).
 *
 * @param url             exact service URL; absent: the built-in simulator
 * @param username        the gateway's user on the service, in the Authorization header of every lookup
 * @param secret          that user's secret, hashed with the URL and timestamp into the Authorization header;
 *                        no value is committed (pass it as an environment variable)
 * @param apiKey          the ApiKey header of every lookup; no value is committed (pass it as an environment
 *                        variable)
 * @param xRoadClient     the X-Road-Client header: the gateway's client identifier on the data-sharing platform
 * @param ratePerSecond   lookups per second the gateway allows itself (the service's limit)
 * @param concurrency     lookups in flight at once (the service takes 100–800 ms a call)
 * @param cacheTtl        how long an answer is reused before it is asked again
 * @param maxLookupsPerRun lookups one incremental run may make; the rest wait for the next run
 * @param timeout         deadline of one call: connecting, sending, waiting and reading the whole reply; retries
 *                        not included
 * @param maxReplySize    largest reply accepted (counted after decompression; one citizen's answer is about 2 KB): a
 *                        larger one is an unavailable service for that attempt
 * @param maxAttempts     attempts of one lookup in all (first try included)
 * @param retryInitialDelay first back-off after a failed attempt (it doubles per attempt)
 * @param retryMaxDelay   cap of one back-off, and of an honoured Retry-After
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
        @DefaultValue("30s") Duration retryMaxDelay,
        @DefaultValue("64KB") DataSize maxReplySize) {

    @ConstructorBinding
    public PopulationProperties {}

    /** Settings with replies of at most 64 KB. */
    public PopulationProperties(
            String url,
            String username,
            String secret,
            String apiKey,
            String xRoadClient,
            int ratePerSecond,
            int concurrency,
            Duration cacheTtl,
            int maxLookupsPerRun,
            Duration timeout,
            int maxAttempts,
            Duration retryInitialDelay,
            Duration retryMaxDelay) {
        this(
                url,
                username,
                secret,
                apiKey,
                xRoadClient,
                ratePerSecond,
                concurrency,
                cacheTtl,
                maxLookupsPerRun,
                timeout,
                maxAttempts,
                retryInitialDelay,
                retryMaxDelay,
                DataSize.ofKilobytes(64));
    }
}

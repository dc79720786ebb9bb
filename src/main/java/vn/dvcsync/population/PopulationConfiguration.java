package vn.dvcsync.population;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.support.CallHealth;
import vn.dvcsync.support.CallMeters;
import vn.dvcsync.support.RunContext;

/**
 * The population client, pointed at {@code dvcsync.population.url} (or, with none, at the built-in
 * simulator), and the threads that keep {@code concurrency} lookups in flight.
 */
@Configuration(proxyBeanMethods = false)
class PopulationConfiguration {

    @Bean
    @ConditionalOnExpression("!'${dvcsync.population.url:}'.isBlank()")
    PopulationUrl configuredPopulationUrl(PopulationProperties props) {
        return props::url;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PopulationClient populationClient(
            PopulationProperties props,
            PopulationUrl url,
            ProducerTemplate template,
            Clock clock,
            MeterRegistry registry) {
        return new PopulationClient(
                props, url, template, clock, new CallMeters(registry, "population", Clock.systemUTC()));
    }

    /**
     * {@code population} in {@code /actuator/health} and its group {@code external}: the last calls' outcomes
     * ({@link CallHealth}), no call of its own.
     */
    @Bean
    HealthIndicator populationHealthIndicator(PopulationClient client) {
        return () -> CallHealth.of(client.meters(), null);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService populationExecutor(PopulationProperties props) {
        AtomicInteger n = new AtomicInteger();
        // the run id goes along into the log lines of the tasks (RunContext)
        return RunContext.propagating(Executors.newFixedThreadPool(Math.max(1, props.concurrency()), r -> {
            Thread t = new Thread(r, "population-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }
}

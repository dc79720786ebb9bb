package vn.dvcsync.simulator;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.population.PopulationProperties;
import vn.dvcsync.population.PopulationUrl;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.portal.PortalUrl;

/**
 * Starts a built-in simulator for each national system whose URL is absent or blank
 * ({@code dvcsync.portal.url}, {@code dvcsync.population.url}) and supplies its URL as the
 * {@link PortalUrl} / {@link PopulationUrl} bean. Seeding them is the demo's job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    SimulatorProperties.class,
    PortalProperties.class,
    PopulationProperties.class,
    ProvinceProperties.class
})
public class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${dvcsync.portal.url:}'.isBlank()")
    static class PortalSimulatorConfiguration {

        @Bean(destroyMethod = "close")
        PortalSimulator portalSimulator(
                SimulatorProperties properties,
                PortalProperties portal,
                ProvinceProperties province,
                ObjectProvider<Clock> clock) {
            SimulatorProperties.Portal settings = properties.portal();
            PortalSimulator simulator = new PortalSimulator(new PortalSettings(
                    settings.port(),
                    portal.username(),
                    portal.password(),
                    province.provinceCode(),
                    province.madonvi(),
                    clock.getIfUnique(Clock::systemUTC),
                    seed(settings.seed())));
            settings.applyTo(simulator.knobs());
            simulator.start();
            log.info("Portal simulator listening at {} (dvcsync.portal.url is not set)", simulator.baseUrl());
            return simulator;
        }

        @Bean
        PortalUrl portalUrl(PortalSimulator simulator) {
            return simulator::baseUrl;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${dvcsync.population.url:}'.isBlank()")
    static class PopulationSimulatorConfiguration {

        @Bean(destroyMethod = "close")
        PopulationSimulator populationSimulator(
                SimulatorProperties properties, PopulationProperties population, ObjectProvider<Clock> clock) {
            SimulatorProperties.Population settings = properties.population();
            PopulationSimulator simulator = new PopulationSimulator(new PopulationSettings(
                    settings.port(),
                    population.username(),
                    population.secret(),
                    population.apiKey(),
                    population.xRoadClient(),
                    clock.getIfUnique(Clock::systemUTC),
                    seed(settings.seed())));
            settings.applyTo(simulator.knobs());
            simulator.start();
            log.info("Population simulator listening at {} (dvcsync.population.url is not set)", simulator.baseUrl());
            return simulator;
        }

        @Bean
        PopulationUrl populationUrl(PopulationSimulator simulator) {
            return simulator::baseUrl;
        }
    }

    private static long seed(Long configured) {
        return configured != null ? configured : System.nanoTime();
    }
}

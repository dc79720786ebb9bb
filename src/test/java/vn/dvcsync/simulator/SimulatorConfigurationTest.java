package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.dvcsync.population.PopulationUrl;
import vn.dvcsync.portal.PortalUrl;

/** The conditions only: a simulator runs for a system whose URL is absent or blank, and not otherwise. */
class SimulatorConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(SimulatorConfiguration.class);

    @Test
    void withoutUrlsBothSimulatorsStartAndSupplyTheirUrls() {
        runner.withPropertyValues("dvcsync.population.url=  ", "dvcsync.simulator.portal.rate-per-second=7")
                .run(context -> {
                    PortalSimulator portal = context.getBean(PortalSimulator.class);
                    assertThat(context.getBean(PortalUrl.class).get()).isEqualTo(portal.baseUrl());
                    assertThat(portal.knobs().ratePerSecond()).isEqualTo(7);
                    assertThat(portal.knobs().latencyMaxMs()).isEqualTo(5);
                    PopulationSimulator population = context.getBean(PopulationSimulator.class);
                    assertThat(context.getBean(PopulationUrl.class).get()).isEqualTo(population.baseUrl());
                    assertThat(population.knobs().ratePerSecond()).isEqualTo(20);
                    assertThat(population.knobs().latencyMinMs()).isEqualTo(5);
                    assertThat(population.knobs().latencyMaxMs()).isEqualTo(30);
                });
    }

    @Test
    void aConfiguredUrlMeansNoSimulator() {
        runner.withPropertyValues(
                        "dvcsync.portal.url=http://127.0.0.1:1/dvcqg",
                        "dvcsync.population.url=http://127.0.0.1:1/dancu/TraCuuThongTinCongDan")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PortalSimulator.class).doesNotHaveBean(PortalUrl.class);
                    assertThat(context)
                            .doesNotHaveBean(PopulationSimulator.class)
                            .doesNotHaveBean(PopulationUrl.class);
                });
    }
}

package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvcsync.support.HostileResponder;

/**
 * issue #9: a population reply of 1 GB failed the run with {@code OutOfMemoryError}, while the README promises that a
 * failing population service never fails a run. With the population service a gzip bomb, an incremental and a
 * reconcile run both succeed: every dossier is pushed and reported, the applicants stay queued for a later run.
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=200",
            "dvcsync.population.max-attempts=2",
            "dvcsync.population.retry-initial-delay=10ms",
            "dvcsync.population.timeout=2s",
            "dvcsync.report-dir=target/test-reports/hostile-population"
        })
@ActiveProfiles("test")
class HostilePopulationServiceTest {

    private static final HostileResponder POPULATION = HostileResponder.gzipBomb(HostileResponder.Content.SOAP);

    @DynamicPropertySource
    static void population(DynamicPropertyRegistry registry) {
        registry.add("dvcsync.population.url", POPULATION::url);
    }

    @AfterAll
    static void stop() throws Exception {
        POPULATION.close();
    }

    @Autowired
    RunService runs;

    @Autowired
    JdbcTemplate store;

    @Test
    void aPopulationServiceAnsweringGzipBombsFailsNoRun() {
        Run incremental = runs.execute(RunType.INCREMENTAL);
        assertThat(incremental.status()).as(incremental.error()).isEqualTo("SUCCEEDED");
        assertThat(incremental.counts()).containsEntry("extracted.dossiers", 200);
        assertThat(POPULATION.connections()).as("the service was asked").isPositive();
        assertThat(store.queryForObject("select count(*) from applicant_check where status = 'PENDING'", Long.class))
                .as("applicants still queued")
                .isPositive();

        Run reconcile = runs.execute(RunType.RECONCILE);
        assertThat(reconcile.status()).as(reconcile.error()).isEqualTo("SUCCEEDED");
    }
}

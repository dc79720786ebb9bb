package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first nightly run on a portal holding the city's history with {@code steps-on-first-contact: all}: the
 * dossiers are adopted, updated and created as with the default, and every step is sent, also those the portal
 * held already.
 */
@SpringBootTest(
        properties = {
            "dvcsync.demo.dossiers=400",
            "dvcsync.report-dir=target/test-reports/first-nightly-all",
            "dvcsync.reconcile.steps-on-first-contact=all"
        })
class FirstNightlyAllStepsTest extends FirstNightlyRun {

    @Test
    void everyStepOfEverySentOrAdoptedDossierIsSent() {
        for (String key : sendable.keySet()) {
            assertThat(stepsSent(key)).as("steps sent of %s", key).isEqualTo(steps.get(key));
        }
        assertThat(count("run.step.delivered.ADOPTED")).isZero();
        assertThat(count("run.dossier.delivered.ADOPTED")).isEqualTo(identical().size());
        assertThat(count("pushed.dossiers_updated")).isEqualTo(differing.size());
        assertThat(count("pushed.dossiers_created")).isEqualTo(missing.size());
    }
}

package vn.dvcsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue #11 item 7: {@code dvcsync.schedule.incremental} is a duration like the others (the metadata says so): the
 * ISO-8601 form and the simple one both set the incremental schedule.
 */
class RunEnvironmentTest {

    private static MockEnvironment derived(String period) {
        MockEnvironment env = new MockEnvironment();
        if (period != null) {
            env.setProperty("dvcsync.schedule.incremental", period);
        }
        new RunEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void theIncrementalPeriodIsReadInEitherForm() {
        assertThat(derived("PT2M").getProperty("dvcsync.schedule.incremental-millis"))
                .isEqualTo("120000");
        assertThat(derived("90s").getProperty("dvcsync.schedule.incremental-millis"))
                .isEqualTo("90000");
        assertThat(derived(null).getProperty("dvcsync.schedule.incremental-millis"))
                .isEqualTo("60000");
    }
}

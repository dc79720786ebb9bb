package vn.dvcsync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.dvcsync.ledger.LedgerProperties;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.portal.UnansweredSteps;
import vn.dvcsync.support.ConfigurationProblem;

/** issue #9: one portal call with its retries must end within the lease on its rows, or start-up fails saying so. */
class LeaseCheckTest {

    private static PortalProperties portal(Duration timeout, int attempts, Duration maxDelay) {
        return new PortalProperties(
                null,
                "u",
                "p",
                50,
                50,
                4,
                timeout,
                new PortalProperties.Retry(attempts, Duration.ofMillis(200), 2.0, maxDelay),
                PortalProperties.CircuitBreaker.DEFAULTS,
                UnansweredSteps.FAIL);
    }

    @Test
    void theDefaultsFit() {
        PortalProperties defaults = portal(Duration.ofSeconds(10), 6, Duration.ofSeconds(30));
        assertThat(LeaseCheck.longestCall(defaults)).isEqualTo(Duration.ofSeconds(6 * 10 + 5 * 30));
        assertThatCode(() -> LeaseCheck.check(
                        defaults, new LedgerProperties(5, Duration.ofMinutes(1), Duration.ofMinutes(5))))
                .doesNotThrowAnyException();
    }

    @Test
    void aCallThatCouldOutliveTheLeaseFailsStartUpNamingTheSettings() {
        assertThatThrownBy(() -> LeaseCheck.check(
                        portal(Duration.ofSeconds(60), 6, Duration.ofSeconds(30)),
                        new LedgerProperties(5, Duration.ofMinutes(1), Duration.ofMinutes(5))))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage(
                        "dvcsync.ledger.lease (PT5M) must be longer than one portal call with its retries: 6 attempts "
                                + "(dvcsync.portal.retry.max-attempts) of up to PT1M (dvcsync.portal.timeout) with back-offs of up "
                                + "to PT30S (dvcsync.portal.retry.max-delay) take up to PT8M30S");
    }
}

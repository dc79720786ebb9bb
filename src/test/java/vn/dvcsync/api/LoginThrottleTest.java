package vn.dvcsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lock's rules, on a clock the test moves: it lifts by itself, grows, and a success forgets. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties.Login(5, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(10)),
            clock);

    @Test
    void fiveFailuresLockTheUserAndTheAddressAndTheLockLiftsByItself() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("Admin", "10.0.0.1").lock()).isEmpty();
        }
        assertThat(throttle.failed("admin", "10.0.0.1").lock()).contains(Duration.ofMinutes(1));
        assertThat(throttle.locked("ADMIN", "10.0.0.2"))
                .as("the user, from elsewhere")
                .contains(Duration.ofMinutes(1));
        assertThat(throttle.locked("official", "10.0.0.1"))
                .as("the address, another user")
                .isPresent();
        assertThat(throttle.locked("official", "10.0.0.2")).isEmpty();
        clock.move(Duration.ofSeconds(61));
        assertThat(throttle.locked("admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void afterEachLockTheNextFiveFailuresLockTwiceAsLongUpToTheLongest() {
        Duration[] expected = {
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10)
        };
        int address = 0;
        for (Duration lock : expected) {
            for (int i = 0; i < 4; i++) {
                assertThat(throttle.failed("admin", "10.0.0." + address++).lock())
                        .isEmpty();
            }
            assertThat(throttle.failed("admin", "10.0.0." + address++).lock()).contains(lock);
            clock.move(throttle.locked("admin", "elsewhere").orElseThrow());
            assertThat(throttle.locked("admin", "elsewhere")).isEmpty();
        }
        clock.move(Duration.ofMinutes(11));
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.1." + i);
        }
        Optional<Duration> afterQuiet = throttle.failed("admin", "10.0.1.9").lock();
        assertThat(afterQuiet).as("after the longest lock without a failure").contains(Duration.ofMinutes(1));
    }

    @Test
    void aSuccessForgetsTheFailuresOfItsUserAndAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        throttle.succeeded("admin", "10.0.0.1");
        LoginThrottle.Failure next = throttle.failed("admin", "10.0.0.1");
        assertThat(next.lock()).isEmpty();
        assertThat(next.userFailures()).isEqualTo(1);
    }

    @Test
    void aFloodOfNamesDoesNotPushALockedOneOut() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 10; i++) {
            throttle.failed("user-" + i, "10.0.1." + (i % 250));
        }
        assertThat(throttle.locked("admin", "10.9.9.9")).isPresent();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T00:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

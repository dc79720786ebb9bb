package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsByTheMultiplierUpToTheCap() {
        Backoff noJitter = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), () -> 0.999999);

        assertThat(noJitter.delay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.delay(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitter.delay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(noJitter.delay(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.delay(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheDelay() {
        Backoff lowest = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), () -> 0.0);
        assertThat(lowest.delay(2)).isEqualTo(Duration.ofMillis(200));

        Backoff random = new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30));
        for (int i = 0; i < 200; i++) {
            assertThat(random.delay(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void attemptsStartAtOne() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), 2.0, Duration.ofSeconds(1));
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.dvcsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(nanos::get);

    @Test
    void allowsOneSecondsWorthThenRefillsAtTheRate() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("s", 5)).isZero();
        }
        assertThat(limiter.acquire("s", 5)).isEqualTo(1);
        assertThat(limiter.acquire("other", 5)).as("buckets are per key").isZero();

        nanos.addAndGet(200_000_000L);
        assertThat(limiter.acquire("s", 5)).isZero();
        assertThat(limiter.acquire("s", 5)).isEqualTo(1);

        nanos.addAndGet(10_000_000_000L);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("s", 5))
                    .as("never more than one second's worth")
                    .isZero();
        }
        assertThat(limiter.acquire("s", 5)).isEqualTo(1);
    }

    @Test
    void zeroMeansUnlimited() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("s", 0)).isZero();
        }
    }
}

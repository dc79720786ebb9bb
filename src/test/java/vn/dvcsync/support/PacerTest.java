package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void spacesPermitsEvenly() {
        Pacer pacer = new Pacer(20); // one permit every 50 ms
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            pacer.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void holdsTheRateAcrossThreads() throws Exception {
        Pacer pacer = new Pacer(50); // one permit every 20 ms
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        pacer.acquire();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // 20 permits: the last one comes 19 intervals after the first
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void zeroRateIsUnlimited() {
        Pacer pacer = new Pacer(0);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            pacer.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void anIdlePacerDoesNotSaveUpABurst() throws Exception {
        Pacer pacer = new Pacer(10); // one permit every 100 ms
        pacer.acquire();
        Thread.sleep(300);
        long start = System.nanoTime();
        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
}

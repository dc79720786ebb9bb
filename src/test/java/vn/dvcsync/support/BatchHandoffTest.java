package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchHandoffTest {

    @Test
    void everyItemIsConsumedOnceInOrderOnAnotherThread() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (BatchHandoff<Integer> handoff = new BatchHandoff<>("test-consumer", 7, 3, batch -> {
            threads.add(Thread.currentThread().getName());
            seen.addAll(batch);
        })) {
            for (int i = 0; i < 1000; i++) {
                handoff.add(i);
            }
            handoff.finish();
        }
        assertThat(seen).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(threads).containsOnly("test-consumer");
    }

    @Test
    void aSlowConsumerHoldsTheProducerBackAtTheGivenDepth() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger consumed = new AtomicInteger();
        try (BatchHandoff<Integer> handoff = new BatchHandoff<>("slow", 1, 2, batch -> {
            awaitQuietly(release);
            consumed.addAndGet(batch.size());
        })) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    handoff.add(i);
                }
            });
            producer.start();
            producer.join(300);
            assertThat(producer.isAlive())
                    .as("the producer waits while 2 batches are pending")
                    .isTrue();
            release.countDown();
            producer.join(5000);
            assertThat(producer.isAlive()).isFalse();
            handoff.finish();
        }
        assertThat(consumed).hasValue(10);
    }

    @Test
    void aFailureOfTheConsumerReachesTheProducer() {
        try (BatchHandoff<Integer> handoff = new BatchHandoff<>("failing", 2, 1, batch -> {
            if (batch.contains(5)) {
                throw new IllegalStateException("item 5 is bad");
            }
        })) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            handoff.add(i);
                        }
                        handoff.finish();
                    })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("item 5 is bad");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

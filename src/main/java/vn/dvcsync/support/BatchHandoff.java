package vn.dvcsync.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Hands items from the thread that produces them to a consumer running on a thread of its own, a batch at a time
 * and in order, so that the two overlap. At most {@code depth} batches wait or run besides the one being gathered:
 * memory stays bounded, and a producer faster than the consumer waits for it.
 *
 * <p>A failure of the consumer is thrown by the next {@link #add} or by {@link #finish}. {@link #finish} hands over
 * what is left and waits until everything is consumed; {@link #close} without {@link #finish} (the producer
 * failed) drops what has not been consumed and stops the thread.
 */
public final class BatchHandoff<T> implements AutoCloseable {

    private final String name;
    private final int batchSize;
    private final int depth;
    private final Consumer<List<T>> consumer;
    private final ExecutorService worker;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private List<T> batch;

    /**
     * @param name      the consumer thread's name (also in error messages)
     * @param batchSize items per batch
     * @param depth     batches handed over and not yet consumed, at most (1 or more)
     * @param consumer  called with each batch, in order, on the consumer thread
     */
    public BatchHandoff(String name, int batchSize, int depth, Consumer<List<T>> consumer) {
        if (batchSize < 1 || depth < 1) {
            throw new IllegalArgumentException("batch size and depth must be 1 or more");
        }
        this.name = name;
        this.batchSize = batchSize;
        this.depth = depth;
        this.consumer = consumer;
        this.batch = new ArrayList<>(batchSize);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void add(T item) {
        batch.add(item);
        if (batch.size() == batchSize) {
            handOver();
        }
    }

    /** Hands over what is left and waits until every batch is consumed. */
    public void finish() {
        if (!batch.isEmpty()) {
            handOver();
        }
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private void handOver() {
        while (!inFlight.isEmpty()
                && (inFlight.size() >= depth || inFlight.peekFirst().isDone())) {
            await(inFlight.removeFirst());
        }
        List<T> full = batch;
        batch = new ArrayList<>(batchSize);
        inFlight.addLast(worker.submit(() -> consumer.accept(full)));
    }

    private void await(Future<?> f) {
        Futures.result(f, name);
    }
}

package vn.dvcsync.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.dvcsync.city.Dossier;
import vn.dvcsync.sync.ApplicantVerifier;

/**
 * Queues the applicants of dossiers streaming by ({@link ApplicantVerifier#queue}) a batch at a time on a thread of
 * its own, so that the store's upserts overlap the comparison instead of stalling it. One batch is queued while
 * the next is gathered: memory holds two batches at most. A failure is thrown by the next {@link #add} or by
 * {@link #close}, which queues the rest and waits for it.
 */
final class ApplicantQueueing implements AutoCloseable {

    private final ApplicantVerifier verifier;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reconcile-applicant-queue");
        t.setDaemon(true);
        return t;
    });
    private List<Dossier> batch;
    private Future<?> inFlight;

    ApplicantQueueing(ApplicantVerifier verifier, int batchSize) {
        this.verifier = verifier;
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
    }

    void add(Dossier d) {
        batch.add(d);
        if (batch.size() == batchSize) {
            submit();
        }
    }

    /** Queues what is left and waits until every batch is queued. */
    @Override
    public void close() {
        try {
            if (!batch.isEmpty()) {
                submit();
            }
            awaitInFlight();
        } finally {
            worker.shutdownNow();
        }
    }

    private void submit() {
        awaitInFlight();
        List<Dossier> page = batch;
        batch = new ArrayList<>(batchSize);
        inFlight = worker.submit(() -> verifier.queue(page));
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while queueing applicants", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Cannot queue applicants: " + e.getCause(), e.getCause());
        } finally {
            inFlight = null;
        }
    }
}

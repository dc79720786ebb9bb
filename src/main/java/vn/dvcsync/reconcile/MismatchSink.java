package vn.dvcsync.reconcile;

/** Where a reconciliation sends each mismatch as it finds it (streamed: nothing is kept in memory). */
@FunctionalInterface
public interface MismatchSink {
    void accept(Mismatch mismatch);
}

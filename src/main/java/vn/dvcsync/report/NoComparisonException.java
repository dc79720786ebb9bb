package vn.dvcsync.report;

/** A report asked of a run that compared nothing (an incremental or replay run): there is no report to give. */
public final class NoComparisonException extends RuntimeException {

    NoComparisonException(String runId, String type, String newest) {
        super("Run " + runId + " is a" + ("incremental".equals(type) ? "n " : " ") + type
                + " run, which compares nothing: it has no mismatch report; "
                + (newest == null
                        ? "no reconcile or nightly run has succeeded yet"
                        : "the newest reconcile or nightly run is " + newest + " (or ask for 'latest')"));
    }
}

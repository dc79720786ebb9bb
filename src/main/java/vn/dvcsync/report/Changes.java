package vn.dvcsync.report;

/**
 * A run's mismatches against the previous successful {@code reconcile} or {@code nightly} run (null when
 * there is none: then every row is new).
 */
public record Changes(String previousRunId, long newCount, long persisting, long resolved) {}

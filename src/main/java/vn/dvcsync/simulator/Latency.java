package vn.dvcsync.simulator;

/** Uniformly random answer delay, both bounds included. */
record Latency(int minMs, int maxMs) {

    static final Latency NONE = new Latency(0, 0);

    Latency {
        if (minMs < 0 || maxMs < minMs) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + minMs + ".." + maxMs);
        }
    }
}

package vn.dvcsync.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Calls received by the population simulator, lookups it answered per ID number, 429s it gave. */
final class PopulationCounters {

    private final LongAdder calls = new LongAdder();
    private final LongAdder http429 = new LongAdder();
    private final ConcurrentHashMap<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    void call() {
        calls.increment();
    }

    void http429() {
        http429.increment();
    }

    void lookup(String soDinhDanh) {
        lookups.computeIfAbsent(soDinhDanh, key -> new AtomicInteger()).incrementAndGet();
    }

    long calls() {
        return calls.sum();
    }

    long http429Count() {
        return http429.sum();
    }

    int lookups(String soDinhDanh) {
        AtomicInteger count = lookups.get(soDinhDanh);
        return count == null ? 0 : count.get();
    }

    void reset() {
        calls.reset();
        http429.reset();
        lookups.clear();
    }
}

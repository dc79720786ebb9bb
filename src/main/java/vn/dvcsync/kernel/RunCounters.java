package vn.dvcsync.kernel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counts that the steps of a run add to as it goes (records read, lookups made, …), by run id. */
@Component
public class RunCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> byRun = new ConcurrentHashMap<>();

    public void add(String runId, String name, long n) {
        if (runId == null || n == 0) {
            return;
        }
        byRun.computeIfAbsent(runId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, k -> new AtomicLong())
                .addAndGet(n);
    }

    public long get(String runId, String name) {
        var counters = byRun.get(runId);
        AtomicLong v = counters == null ? null : counters.get(name);
        return v == null ? 0 : v.get();
    }

    /** The counts of a run so far, sorted by name (the run goes on counting). */
    public Map<String, Long> snapshot(String runId) {
        Map<String, Long> out = new TreeMap<>();
        var counters = byRun.get(runId);
        if (counters != null) {
            counters.forEach((k, v) -> out.put(k, v.get()));
        }
        return out;
    }

    /** The counts of a run, sorted by name; the run's entry is dropped. */
    public Map<String, Long> remove(String runId) {
        Map<String, Long> out = new TreeMap<>();
        var counters = byRun.remove(runId);
        if (counters != null) {
            counters.forEach((k, v) -> out.put(k, v.get()));
        }
        return out;
    }
}

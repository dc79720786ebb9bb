package vn.dvcsync.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What tests and benchmarks assert on: calls received, writes made, 429s and faults answered. */
final class PortalCounters {

    private final LongAdder authCalls = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final LongAdder totalWrites = new LongAdder();
    private final ConcurrentHashMap<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final LongAdder http429 = new LongAdder();
    private final LongAdder injectedFaults = new LongAdder();

    void authCall() {
        authCalls.increment();
    }

    void call(String service) {
        calls.computeIfAbsent(service, key -> new LongAdder()).increment();
    }

    void write(String maHoSo) {
        writes.computeIfAbsent(maHoSo, key -> new AtomicInteger()).incrementAndGet();
        totalWrites.increment();
    }

    void sent(String maHoSo) {
        sent.computeIfAbsent(maHoSo, key -> new AtomicInteger()).incrementAndGet();
    }

    Map<String, Integer> sent() {
        Map<String, Integer> copy = new TreeMap<>();
        sent.forEach((code, count) -> copy.put(code, count.get()));
        return copy;
    }

    void http429() {
        http429.increment();
    }

    void injectedFault() {
        injectedFaults.increment();
    }

    long authCalls() {
        return authCalls.sum();
    }

    long calls(String service) {
        LongAdder count = calls.get(service);
        return count == null ? 0 : count.sum();
    }

    Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((service, count) -> copy.put(service, count.sum()));
        return copy;
    }

    int writes(String maHoSo) {
        AtomicInteger count = writes.get(maHoSo);
        return count == null ? 0 : count.get();
    }

    long totalWrites() {
        return totalWrites.sum();
    }

    long http429Count() {
        return http429.sum();
    }

    long injectedFaults() {
        return injectedFaults.sum();
    }

    void reset() {
        authCalls.reset();
        calls.clear();
        writes.clear();
        sent.clear();
        totalWrites.reset();
        http429.reset();
        injectedFaults.reset();
    }
}

package vn.dvcsync.simulator;

import java.util.Random;

/** The simulators' only source of randomness: seedable, shared by all handler threads. */
final class Dice {

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    /** A uniform draw in [0, 1), to be split among the fault shares. */
    double draw() {
        return random.nextDouble();
    }

    int pick(int bound) {
        return random.nextInt(bound);
    }

    /** Sleeps a uniformly random time within {@code latency}. */
    void sleep(Latency latency) {
        int ms = latency.minMs()
                + (latency.maxMs() > latency.minMs() ? random.nextInt(latency.maxMs() - latency.minMs() + 1) : 0);
        if (ms == 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

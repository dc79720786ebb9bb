package vn.dvcsync.demo;

/**
 * A small, fast, reseedable random generator (SplitMix64). The generator reseeds it per record from the
 * spec's seed and the record's number, so a record comes out the same whichever pass writes it.
 */
final class Rng {

    private long state;

    Rng() {}

    Rng(long... keys) {
        reseed(keys);
    }

    /** Restarts the sequence from a seed made of the given keys. */
    Rng reseed(long... keys) {
        long s = 0x5DEECE66DL;
        for (long k : keys) {
            s = mix(s ^ mix(k + 0x9E3779B97F4A7C15L));
        }
        state = s;
        return this;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}, {@code bound} > 0. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Uniform in {@code [lo, hi)} for longs. */
    long nextLong(long lo, long hi) {
        return lo + Math.floorMod(nextLong(), hi - lo);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }
}

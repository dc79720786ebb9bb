package vn.dvcsync.demo;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote.
 *
 * @param planted planted defects per mismatch category (the rows of {@code demo.planted}), sorted by category
 */
public record DemoSummary(
        int units,
        int procedures,
        long applicants,
        long dossiers,
        long steps,
        long citizens,
        long portalPlants,
        Map<String, Integer> planted) {

    public DemoSummary {
        planted = Collections.unmodifiableMap(new TreeMap<>(planted));
    }

    /** All planted defects, every category together. */
    public int plantedTotal() {
        return planted.values().stream().mapToInt(Integer::intValue).sum();
    }
}

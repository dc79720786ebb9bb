package vn.dvcsync.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate. Same values, same city.
 *
 * @param dossiers    how many dossiers
 * @param seed        the seed of every random choice
 * @param anchor      "today" in Vietnam time: dossiers are created in the 364 days before it, and nothing
 *                    has happened on the anchor day itself yet
 * @param defectShare share of dossiers with a planted defect, e.g. {@code 0.03}; {@code 0} for a clean city
 */
public record DemoSpec(int dossiers, long seed, LocalDate anchor, double defectShare) {

    public DemoSpec {
        Objects.requireNonNull(anchor, "anchor");
        if (dossiers < 0) {
            throw new IllegalArgumentException("dossiers must not be negative: " + dossiers);
        }
        if (!(defectShare >= 0 && defectShare <= 0.5)) {
            throw new IllegalArgumentException("defectShare must be between 0 and 0.5: " + defectShare);
        }
    }
}

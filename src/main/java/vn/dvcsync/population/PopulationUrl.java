package vn.dvcsync.population;

/**
 * Exact request URL of the population service ({@code TraCuuThongTinCongDan}).
 * Comes from {@code dvcsync.population.url} when set; otherwise the built-in simulator supplies it.
 */
@FunctionalInterface
public interface PopulationUrl {
    String get();
}

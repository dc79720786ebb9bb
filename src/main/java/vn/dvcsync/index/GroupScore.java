package vn.dvcsync.index;

/**
 * One index group's estimate for one unit ({@code ""} = province-wide): from the city's data and from the
 * portal's copy side by side. A score is null when none of the group's ratios applies (all denominators 0).
 *
 * @param group  the group's key in index-model.yaml, e.g. {@code publicity}
 * @param name   the group's name as the portal shows it
 * @param max    the group's points
 */
public record GroupScore(
        String unitCode, String unitName, String group, String name, double max, Double city, Double portal) {}

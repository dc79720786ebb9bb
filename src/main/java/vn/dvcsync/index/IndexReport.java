package vn.dvcsync.index;

import java.util.List;

/** A run's estimated index groups, city view and portal view: province-wide, then per unit. */
public record IndexReport(String runId, List<GroupScore> province, List<UnitIndex> units) {

    public record UnitIndex(String unitCode, String unitName, List<GroupScore> groups) {}
}

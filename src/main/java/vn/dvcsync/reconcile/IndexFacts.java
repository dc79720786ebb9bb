package vn.dvcsync.reconcile;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts a reconciliation gathers per unit, from which the index model computes its groups
 * (city view and portal view side by side). Not thread-safe: one reconciliation fills one instance.
 */
public final class IndexFacts {

    /** Procedures in force in the city. Unit: the province. */
    public static final String PROCEDURES_IN_FORCE = "procedures_in_force";
    /** Procedures in force that the portal shows public on or before their deadline. */
    public static final String PROCEDURES_PUBLIC_ON_TIME = "procedures_public_on_time";
    /** City dossiers received in the period (the denominator of the dossier ratios). */
    public static final String DOSSIERS_RECEIVED = "dossiers_received";
    /** Of those, present on the portal. */
    public static final String DOSSIERS_ON_PORTAL = "dossiers_on_portal";
    /** Of those, whose portal status equals the city's and was updated within the freshness window. */
    public static final String DOSSIERS_STATUS_CURRENT = "dossiers_status_current";
    /** Finished on or before NgayHenTra, or still in progress and not yet due — from the city's data. */
    public static final String DOSSIERS_ON_TIME_CITY = "dossiers_on_time_city";
    /** The same, judged from the portal's copy (a dossier absent from the portal does not count). */
    public static final String DOSSIERS_ON_TIME_PORTAL = "dossiers_on_time_portal";
    /** Received online (KenhThucHien 2), city's data / portal's copy. */
    public static final String DOSSIERS_ONLINE_CITY = "dossiers_online_city";

    public static final String DOSSIERS_ONLINE_PORTAL = "dossiers_online_portal";
    /** Paid online (DuocThanhToanTrucTuyen 1), city's data / portal's copy. */
    public static final String DOSSIERS_PAID_ONLINE_CITY = "dossiers_paid_online_city";

    public static final String DOSSIERS_PAID_ONLINE_PORTAL = "dossiers_paid_online_portal";
    /** With digitised components (HoSoCoThanhPhanSoHoa 1), city's data / portal's copy. */
    public static final String DOSSIERS_DIGITISED_CITY = "dossiers_digitised_city";

    public static final String DOSSIERS_DIGITISED_PORTAL = "dossiers_digitised_portal";

    private final Map<String, Map<String, Long>> byUnit = new TreeMap<>();
    private final Map<String, String> unitNames = new TreeMap<>();

    public void add(String unitCode, String metric, long n) {
        byUnit.computeIfAbsent(unitCode == null ? "" : unitCode, k -> new TreeMap<>())
                .merge(metric, n, Long::sum);
    }

    public void unitName(String unitCode, String name) {
        if (unitCode != null && name != null) {
            unitNames.putIfAbsent(unitCode, name);
        }
    }

    public String unitName(String unitCode) {
        return unitNames.getOrDefault(unitCode, "");
    }

    public long get(String unitCode, String metric) {
        return byUnit.getOrDefault(unitCode, Map.of()).getOrDefault(metric, 0L);
    }

    public long total(String metric) {
        return byUnit.values().stream()
                .mapToLong(m -> m.getOrDefault(metric, 0L))
                .sum();
    }

    public Set<String> units() {
        return new TreeSet<>(byUnit.keySet());
    }
}

package vn.dvcsync.index;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvcsync.reconcile.IndexFacts;
import vn.dvcsync.reconcile.Mismatch;

/**
 * What a run's mismatches cost in index points ({@code index-model.md}): the impact of a row is the points the
 * province gains when that one record moves to the passing side of the ratios the row fixes, and a record (record
 * type and key) counts once per ratio: its first row that fixes a ratio carries that ratio's points, its later rows
 * only ratios not carried yet.
 *
 * <p>Rows are attributed as they come ({@link #carries}, remembering per record with a ratio-fixing row the ratios
 * already carried: about 100 bytes a record) and priced once the facts are complete ({@link #impactSql}), so one
 * pass over the rows is enough. Not thread-safe: the report's writer calls it under its own lock.
 */
public final class IndexPricing {

    private final IndexModel model;
    private final IndexFacts facts;
    private final Map<String, Long> carried = new HashMap<>();

    public IndexPricing(IndexModel model, IndexFacts facts) {
        this.model = model;
        this.facts = facts;
    }

    /** The ratios (a bit mask of the model's ratios) whose points row {@code m} carries. */
    public long carries(Mismatch m) {
        long fixes = model.ratiosFixedBy(m);
        if (fixes == 0) {
            return 0;
        }
        String record = m.recordType() + '\u0000' + m.recordKey();
        long seen = carried.getOrDefault(record, 0L);
        long carries = fixes & ~seen;
        if (carries != 0) {
            carried.put(record, seen | fixes);
        }
        return carries;
    }

    /** Forgets what was carried (the rows are all attributed). */
    public void clear() {
        carried.clear();
    }

    /**
     * A SQL expression of the points carried by a row whose carried-ratio mask is the column {@code ratios}, with the
     * facts as they are now: {@code 0 + (case when (ratios & ?) <> 0 then ? else 0 end) + …}, its parameters added to
     * {@code args} (mask, points; only ratios worth points).
     */
    public String impactSql(String ratios, List<Object> args) {
        StringBuilder impact = new StringBuilder("0");
        for (int i = 0; i < model.ratioCount(); i++) {
            double points = model.impactOf(1L << i, facts);
            if (points > 0) {
                impact.append(" + (case when (").append(ratios).append(" & ?) <> 0 then ? else 0 end)");
                args.add(1L << i);
                args.add(BigDecimal.valueOf(points));
            }
        }
        return impact.toString();
    }
}

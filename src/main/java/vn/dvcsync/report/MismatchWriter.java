package vn.dvcsync.report;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvcsync.index.IndexPricing;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.reconcile.Mismatch;
import vn.dvcsync.reconcile.MismatchSink;

/**
 * Where a reconciliation of one run sends its mismatches ({@link MismatchStore#open}). Batches rows with PostgreSQL
 * COPY into a staging table; closing prices them ({@link IndexPricing}), marks each NEW or PERSISTING and moves them
 * into {@code mismatch}, so a run's rows show only once they are all there and priced. Personal values are stored
 * masked ({@link Masking}). Thread-safe.
 */
public final class MismatchWriter implements MismatchSink, AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;
    private final String runId;
    private final ReportedRuns runs;
    private final IndexPricing pricing;
    private final StringBuilder batch = new StringBuilder(1 << 16);
    private int inBatch;
    private long seq;
    private boolean closed;

    MismatchWriter(
            JdbcTemplate jdbc, Clock clock, int batchSize, String runId, ReportedRuns runs, IndexPricing pricing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.runId = runId;
        this.runs = runs;
        this.pricing = pricing;
    }

    @Override
    public synchronized void accept(Mismatch m) {
        if (closed) {
            throw new IllegalStateException("Mismatch writer of run " + runId + " is closed");
        }
        if (m.category() == null || m.recordType() == null || m.recordKey() == null) {
            throw new IllegalArgumentException("A mismatch needs a category, record type and record key: "
                    + m.category() + " " + m.recordType() + " " + m.recordKey());
        }
        long carries = pricing.carries(m);
        boolean personal = Masking.personal(m);
        seq++;
        copyRow(
                runId,
                Long.toString(seq),
                m.category(),
                m.recordType(),
                m.recordKey(),
                m.unitCode(),
                m.unitName(),
                m.field() == null ? "" : m.field(),
                Masking.masked(personal, m.cityValue()),
                Masking.masked(personal, m.portalValue()),
                Long.toString(carries),
                OffsetDateTime.now(clock.withZone(Vietnam.ZONE)).toString());
        if (++inBatch >= batchSize) {
            flush();
        }
    }

    /** Rows accepted so far. */
    public synchronized long count() {
        return seq;
    }

    /** Prices every row, marks it NEW or PERSISTING and moves the run's rows into {@code mismatch}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        flush();
        pricing.clear();
        price();
    }

    private void copyRow(String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                batch.append(',');
            }
            String v = values[i];
            if (v != null) {
                batch.append('"')
                        .append(v.replace("\u0000", "").replace("\"", "\"\""))
                        .append('"');
            }
        }
        batch.append('\n');
    }

    private void flush() {
        if (inBatch == 0) {
            return;
        }
        String rows = batch.toString();
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy mismatch_staging (run_id, seq, category, "
                                        + "record_type, record_key, unit_code, unit_name, field, city_value, portal_value, ratios, "
                                        + "detected_at) from stdin (format csv)",
                                new StringReader(rows));
            } catch (IOException e) {
                throw new SQLException("COPY into mismatch_staging failed", e);
            }
        });
        batch.setLength(0);
        inBatch = 0;
    }

    private void price() {
        List<Object> args = new ArrayList<>();
        String impact = pricing.impactSql("s.ratios", args);
        args.addAll(List.of(runs.previous(runId).orElse(""), runId));
        jdbc.update(
                "insert into mismatch (run_id, seq, category, record_type, record_key, unit_code, unit_name, field,"
                        + " city_value, portal_value, ratios, detected_at, impact_points, change)"
                        + " select s.run_id, s.seq, s.category, s.record_type, s.record_key, s.unit_code, s.unit_name, s.field,"
                        + " s.city_value, s.portal_value, s.ratios, s.detected_at, " + impact + ","
                        + " case when p.category is null then 'NEW' else 'PERSISTING' end"
                        + " from mismatch_staging s left join (select distinct category, record_key, field from mismatch"
                        + " where run_id = ?) p on p.category = s.category and p.record_key = s.record_key and p.field = s.field"
                        + " where s.run_id = ?",
                args.toArray());
        jdbc.update("delete from mismatch_staging where run_id = ?", runId);
        // Fresh statistics for the report's queries that compare this run with the previous one: planned on
        // statistics that predate this run's rows, PostgreSQL may probe an index that does not fit the
        // comparison once per row (seconds at ten thousand rows, instead of milliseconds).
        jdbc.execute("analyze mismatch");
    }
}

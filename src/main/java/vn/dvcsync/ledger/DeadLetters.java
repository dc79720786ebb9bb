package vn.dvcsync.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Page;

/**
 * Dead letters: ledger rows whose pushes failed {@code dvcsync.ledger.max-attempts} times, or progress steps sent
 * without an answer ({@code UNCONFIRMED}, see {@code dvcsync.portal.unanswered-steps}) (FAILED), for an admin to see
 * and replay or acknowledge. A replay puts them back to PENDING with their attempts reset (their last error stays
 * until they are delivered); it is idempotent: a row no longer FAILED is left as it is. A replayed step is sent
 * whatever became of an earlier sending (the admin's call); a replayed dossier is still looked up first when an
 * earlier sending may have arrived.
 *
 * <p>An acknowledgement closes a dead letter without sending it (ACKNOWLEDGED), with who closed it and why (the
 * admin found it on the portal, or it need not go): the list of dead letters then holds only what still needs
 * someone. An acknowledged dossier counts as on the portal for its progress steps, which go after it; a later
 * version of it is sent as any other, and a nightly run that finds the portal without it sends it again.
 */
@Component("deadLetters")
public class DeadLetters {

    /** One dead letter as an admin sees it (no payload: it holds personal data). */
    public record DeadLetter(
            long id,
            String recordType,
            String recordKey,
            long version,
            String unitCode,
            int attempts,
            String lastError,
            OffsetDateTime failedAt,
            String runId) {}

    /** A dead letter an admin closed without a replay: who, when and why. */
    public record Acknowledged(
            long id,
            String recordType,
            String recordKey,
            long version,
            String unitCode,
            String lastError,
            String acknowledgedBy,
            OffsetDateTime acknowledgedAt,
            String reason) {}

    /**
     * Which dead letters: every non-null part must match.
     *
     * @param ids   these ledger rows (null: any)
     * @param type  {@code DOSSIER} or {@code STEP} (any case)
     * @param unit  the processing unit's agency code, exactly
     * @param error a piece of the last error, any case
     */
    public record Filter(List<Long> ids, String type, String unit, String error) {

        public Filter {
            ids = ids == null ? null : List.copyOf(ids);
            type = blankToNull(type);
            unit = blankToNull(unit);
            error = blankToNull(error);
            type = type == null ? null : type.toUpperCase(Locale.ROOT);
        }

        public static Filter of(String type, String unit, String error) {
            return new Filter(null, type, unit, error);
        }

        public static Filter one(long id) {
            return new Filter(List.of(id), null, null, null);
        }

        /** These rows, when they also match this filter. */
        public Filter only(List<Long> rows) {
            return new Filter(rows, type, unit, error);
        }

        /** What it selects, in a line (for the audit log). */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (ids != null) {
                parts.add("ids=" + ids);
            }
            if (type != null) {
                parts.add("type=" + type);
            }
            if (unit != null) {
                parts.add("unit=" + unit);
            }
            if (error != null) {
                parts.add("error=" + error);
            }
            return parts.isEmpty() ? "all" : String.join(" ", parts);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    private final JdbcTemplate jdbc;

    DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 0) of {@code size} dead letters matching {@code filter}. */
    public Page<DeadLetter> list(Filter filter, int page, int size) {
        Where where = where(filter, "FAILED");
        return Page.query(
                jdbc,
                "select count(*) from ledger where " + where.sql,
                """
                select id, record_type, record_key, version, unit_code, attempts, last_error, updated_at, run_id
                from ledger where %s order by updated_at, id limit ? offset ?
                """.formatted(where.sql),
                (rs, n) -> new DeadLetter(
                        rs.getLong("id"),
                        rs.getString("record_type"),
                        rs.getString("record_key"),
                        rs.getLong("version"),
                        rs.getString("unit_code"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("run_id")),
                List.of(where.args()),
                page,
                size);
    }

    /** Whether the ledger has a row with this id (a dead letter or not, any more). */
    public Optional<String> status(long id) {
        return jdbc.queryForList("select status from ledger where id = ?", String.class, id).stream()
                .findFirst();
    }

    /**
     * Puts the dead letters matching {@code filter} back to PENDING for run {@code runId}, attempts reset.
     *
     * @return how many rows it put back (0 when they were replayed already)
     */
    public int replay(Filter filter, String runId) {
        Where where = where(filter, "FAILED");
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.addAll(List.of(where.args()));
        return jdbc.update("""
                update ledger set status = 'PENDING', attempts = 0, next_attempt_at = null, claimed_until = null,
                       unconfirmed = unconfirmed and record_type = 'DOSSIER', run_id = ?, updated_at = now()
                where %s
                """.formatted(where.sql), args.toArray());
    }

    /**
     * Closes the dead letters matching {@code filter} without sending them: ACKNOWLEDGED by {@code who} for
     * {@code reason}. A row no longer FAILED (replayed, acknowledged already) is left as it is.
     *
     * @return how many dead letters it closed
     */
    public int acknowledge(Filter filter, String who, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An acknowledgement needs a reason (for example: found on the portal)");
        }
        Where where = where(filter, "FAILED");
        List<Object> args = new ArrayList<>(List.of(who, reason.strip()));
        args.addAll(List.of(where.args()));
        return jdbc.update("""
                update ledger set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now(),
                       acknowledgement = ?, next_attempt_at = null, claimed_until = null, updated_at = now()
                where %s
                """.formatted(where.sql), args.toArray());
    }

    /** Page {@code page} (from 0) of the dead letters closed without a replay, matching {@code filter}, newest first. */
    public Page<Acknowledged> acknowledged(Filter filter, int page, int size) {
        Where where = where(filter, "ACKNOWLEDGED");
        return Page.query(
                jdbc,
                "select count(*) from ledger where " + where.sql,
                """
                select id, record_type, record_key, version, unit_code, last_error, acknowledged_by, acknowledged_at,
                       acknowledgement
                from ledger where %s order by acknowledged_at desc, id desc limit ? offset ?
                """.formatted(where.sql),
                (rs, n) -> new Acknowledged(
                        rs.getLong("id"),
                        rs.getString("record_type"),
                        rs.getString("record_key"),
                        rs.getLong("version"),
                        rs.getString("unit_code"),
                        rs.getString("last_error"),
                        rs.getString("acknowledged_by"),
                        rs.getObject("acknowledged_at", OffsetDateTime.class),
                        rs.getString("acknowledgement")),
                List.of(where.args()),
                page,
                size);
    }

    private record Where(String sql, Object[] args) {}

    private static Where where(Filter f, String status) {
        StringBuilder sql = new StringBuilder("status = '" + status + "'");
        List<Object> args = new ArrayList<>();
        if (f.ids() != null) {
            sql.append(" and id = any(?)");
            args.add(f.ids().toArray(Long[]::new));
        }
        if (f.type() != null) {
            sql.append(" and record_type = ?");
            args.add(f.type());
        }
        if (f.unit() != null) {
            sql.append(" and unit_code = ?");
            args.add(f.unit());
        }
        if (f.error() != null) {
            sql.append(" and strpos(lower(coalesce(last_error, '')), lower(?)) > 0");
            args.add(f.error());
        }
        return new Where(sql.toString(), args.toArray());
    }
}

package vn.dvcsync.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead letters: ledger rows whose pushes failed {@code dvcsync.ledger.max-attempts} times, or progress steps sent
 * without an answer ({@code UNCONFIRMED}, see {@code dvcsync.portal.unanswered-steps}) (FAILED), for an admin to see
 * and replay. A replay puts them back to PENDING with their attempts reset (their last error stays until they are
 * delivered); it is idempotent: a row no longer FAILED is left as it is. A replayed step is sent whatever became of
 * an earlier sending (the admin's call); a replayed dossier is still looked up first when an earlier sending may
 * have arrived.
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

    /**
     * Which dead letters: every non-null part must match.
     *
     * @param id    one ledger row
     * @param type  {@code DOSSIER} or {@code STEP} (any case)
     * @param unit  the processing unit's agency code, exactly
     * @param error a piece of the last error, any case
     */
    public record Filter(Long id, String type, String unit, String error) {

        public Filter {
            type = blankToNull(type);
            unit = blankToNull(unit);
            error = blankToNull(error);
            type = type == null ? null : type.toUpperCase(Locale.ROOT);
        }

        public static Filter of(String type, String unit, String error) {
            return new Filter(null, type, unit, error);
        }

        public static Filter one(long id) {
            return new Filter(id, null, null, null);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /** One page of dead letters, oldest failure first. */
    public record Page(List<DeadLetter> items, int page, int size, long total) {}

    private final JdbcTemplate jdbc;

    DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 0) of {@code size} dead letters matching {@code filter}. */
    public Page list(Filter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.queryForObject("select count(*) from ledger where " + where.sql, Long.class, where.args());
        List<Object> args = new ArrayList<>(List.of(where.args()));
        args.add(size);
        args.add((long) page * size);
        List<DeadLetter> items = jdbc.query(
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
                args.toArray());
        return new Page(items, page, size, total);
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
        Where where = where(filter);
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.addAll(List.of(where.args()));
        return jdbc.update("""
                update ledger set status = 'PENDING', attempts = 0, next_attempt_at = null, claimed_until = null,
                       unconfirmed = unconfirmed and record_type = 'DOSSIER', run_id = ?, updated_at = now()
                where %s
                """.formatted(where.sql), args.toArray());
    }

    private record Where(String sql, Object[] args) {}

    private static Where where(Filter f) {
        StringBuilder sql = new StringBuilder("status = 'FAILED'");
        List<Object> args = new ArrayList<>();
        if (f.id() != null) {
            sql.append(" and id = ?");
            args.add(f.id());
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

package vn.dvcsync.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.UnitScope;

/**
 * What the ledger knows of one dossier, read only: each version extracted from the city with what became of it
 * (validation and quarantine, attempts, the portal's last error, delivery), and its progress steps likewise. The
 * payloads stay in the store (they hold personal data).
 */
@Component
public class DossierHistory {

    /** One ledger row: a dossier version or a step version. */
    public record Version(
            String recordType,
            String recordKey,
            OffsetDateTime cityUpdatedAt,
            String status,
            String reason,
            String rule,
            String message,
            int attempts,
            String lastError,
            String runId,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime deliveredAt) {}

    private final JdbcTemplate jdbc;

    public DossierHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossier's versions, oldest first. */
    public List<Version> versions(String maHoSo) {
        return query("record_type = 'DOSSIER' and record_key = ?", maHoSo);
    }

    /** The dossier's progress steps, each version, in the order they were extracted. */
    public List<Version> steps(String maHoSo) {
        return query("record_type = 'STEP' and parent_key = ?", maHoSo);
    }

    /** One push attempt of the dossier or of one of its steps, with its outcome and the portal's answer. */
    public record Attempt(
            String recordType, String recordKey, OffsetDateTime at, String outcome, String answer, String runId) {}

    /** Every push attempt of the dossier and its steps, oldest first (at most 500), in the user's units only. */
    public List<Attempt> attempts(String maHoSo) {
        UnitScope scope = UnitScope.current();
        List<Object> args = new ArrayList<>(List.of(maHoSo, maHoSo));
        args.addAll(scope.sqlArgs());
        return jdbc.query(
                "select l.record_type, l.record_key, a.attempted_at, a.outcome, a.answer, a.run_id"
                        + " from push_attempt a join ledger l on l.id = a.ledger_id"
                        + " where ((l.record_type = 'DOSSIER' and l.record_key = ?)"
                        + " or (l.record_type = 'STEP' and l.parent_key = ?))" + scope.sql("l.unit_code")
                        + " order by a.attempted_at, a.id limit 500",
                (rs, n) -> new Attempt(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                args.toArray());
    }

    /** The rows matching {@code where}, of the logged-in user's units only (another unit's dossier is not found). */
    private List<Version> query(String where, String key) {
        UnitScope scope = UnitScope.current();
        List<Object> args = new ArrayList<>(List.of(key));
        args.addAll(scope.sqlArgs());
        return jdbc.query(
                "select record_type, record_key, version, status, reason, rule, message, attempts, last_error, run_id,"
                        + " created_at, updated_at, delivered_at from ledger where " + where + scope.sql("unit_code")
                        + " order by created_at, id limit 500",
                (rs, n) -> new Version(
                        rs.getString("record_type"),
                        rs.getString("record_key"),
                        "DOSSIER".equals(rs.getString("record_type")) ? micros(rs.getLong("version")) : null,
                        rs.getString("status"),
                        rs.getString("reason"),
                        rs.getString("rule"),
                        rs.getString("message"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getString("run_id"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getObject("delivered_at", OffsetDateTime.class)),
                args.toArray());
    }

    private static OffsetDateTime micros(long epochMicros) {
        return Instant.ofEpochSecond(
                        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000)
                .atOffset(ZoneOffset.UTC);
    }
}

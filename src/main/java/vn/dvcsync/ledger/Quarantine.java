package vn.dvcsync.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Page;

/**
 * The records quarantined now, as an admin looks at them: by reason and broken rule, each with when its version was
 * extracted. Only a record's newest version counts: once the city fixed a record, the next extraction brings a new
 * version of it, which is sent (or quarantined for what is still wrong), and the old quarantined version drops out of
 * this view.
 */
@Component
public class Quarantine {

    /** How many records a reason and rule hold. */
    public record Reason(String recordType, String reason, String rule, long records) {}

    /**
     * One quarantined record version (no payload: it holds personal data).
     *
     * @param extractedAt when the extraction brought this version into the ledger
     * @param since       when it was quarantined (by the city's rules at extraction, or by the portal's refusal)
     */
    public record Record(
            long id,
            String recordType,
            String recordKey,
            long version,
            String unitCode,
            String reason,
            String rule,
            String message,
            OffsetDateTime extractedAt,
            OffsetDateTime since) {}

    /** Which records: every non-null part must match ({@code rule}: exactly, as the reasons list names it). */
    public record Filter(String type, String reason, String rule, String unit) {

        public Filter {
            type = blankToNull(type);
            reason = blankToNull(reason);
            rule = blankToNull(rule);
            unit = blankToNull(unit);
            type = type == null ? null : type.toUpperCase(Locale.ROOT);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** Rows quarantined and not followed by a newer version of the same record. */
    private static final String CURRENT = """
            l.status = 'QUARANTINED'
            and not exists (select 1 from ledger n where n.record_type = l.record_type and n.record_key = l.record_key
                            and n.version > l.version)
            """;

    private final JdbcTemplate jdbc;

    Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reasons and rules with how many records each holds, the largest first. */
    public List<Reason> reasons() {
        return jdbc.query(
                """
                select l.record_type, l.reason, coalesce(l.rule, '') as rule, count(*) as n from ledger l
                where %s group by 1, 2, 3 order by n desc, 1, 2, 3
                """.formatted(CURRENT),
                (rs, n) -> new Reason(
                        rs.getString("record_type"), rs.getString("reason"), rs.getString("rule"), rs.getLong("n")));
    }

    /** Page {@code page} (from 0) of {@code size} quarantined records matching {@code filter}. */
    public Page<Record> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(CURRENT);
        List<Object> args = new ArrayList<>();
        if (filter.type() != null) {
            where.append(" and l.record_type = ?");
            args.add(filter.type());
        }
        if (filter.reason() != null) {
            where.append(" and l.reason = ?");
            args.add(filter.reason());
        }
        if (filter.rule() != null) {
            where.append(" and coalesce(l.rule, '') = ?");
            args.add(filter.rule());
        }
        if (filter.unit() != null) {
            where.append(" and l.unit_code = ?");
            args.add(filter.unit());
        }
        return Page.query(
                jdbc,
                "select count(*) from ledger l where " + where,
                """
                select l.id, l.record_type, l.record_key, l.version, l.unit_code, l.reason, l.rule, l.message,
                       l.created_at, l.updated_at
                from ledger l where %s order by l.updated_at desc, l.id desc limit ? offset ?
                """.formatted(where),
                (rs, n) -> new Record(
                        rs.getLong("id"),
                        rs.getString("record_type"),
                        rs.getString("record_key"),
                        rs.getLong("version"),
                        rs.getString("unit_code"),
                        rs.getString("reason"),
                        rs.getString("rule"),
                        rs.getString("message"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)),
                args,
                page,
                size);
    }
}

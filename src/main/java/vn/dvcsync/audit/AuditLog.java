package vn.dvcsync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Page;

/**
 * The audit log: every admin action, who made it, when, from which address and what it did, in the store's
 * {@code audit_log} table, which is append-only (a trigger refuses every UPDATE, DELETE and TRUNCATE; see
 * {@code V13_2__audit_log.sql}). An entry is written once the action is done, with what it changed.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_TEXT = 500;

    /** What an admin did. */
    public enum Action {
        RUN_STARTED,
        DEAD_LETTERS_REPLAYED,
        DEAD_LETTERS_ACKNOWLEDGED,
        ROUTE_SUSPENDED,
        ROUTE_RESUMED,
        SCHEDULE_PAUSED,
        SCHEDULE_RESUMED,
        SCHEDULE_RUN_NOW,
        REPORT_EXPORTED;

        /** One of the actions, any case. */
        public static Action parse(String s) {
            return Arrays.stream(values())
                    .filter(a -> a.name().equalsIgnoreCase(s.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown action '" + s + "' (known: "
                            + String.join(
                                    ", ",
                                    Arrays.stream(values()).map(Enum::name).toList()) + ")"));
        }
    }

    /**
     * One entry.
     *
     * @param actor   the user name of who made it
     * @param address the address the request came from (the client's, behind a proxy that says so)
     * @param target  what it acted on: a run, a route, a schedule, the dead letters selected
     * @param details what it changed (how many dead letters, the run it started, a reason)
     */
    public record Entry(
            long id,
            OffsetDateTime at,
            String actor,
            String address,
            String action,
            String target,
            Map<String, Object> details) {}

    /**
     * Which entries: every non-null part must match.
     *
     * @param actor  the user name, exactly
     * @param action one of {@link Action}
     * @param target a piece of the target, any case
     * @param from   at or after
     * @param to     before
     */
    public record Filter(String actor, Action action, String target, OffsetDateTime from, OffsetDateTime to) {

        public Filter {
            actor = actor == null || actor.isBlank() ? null : actor.strip();
            target = target == null || target.isBlank() ? null : target.strip();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an action made by the request's user, from the request's address. */
    public void record(HttpServletRequest request, Action action, String target, Map<String, ?> details) {
        Principal user = request.getUserPrincipal();
        record(user == null ? "anonymous" : user.getName(), request.getRemoteAddr(), action, target, details);
    }

    /** Records an action made by {@code actor} from {@code address}. */
    public void record(String actor, String address, Action action, String target, Map<String, ?> details) {
        jdbc.update(
                "insert into audit_log (actor, address, action, target, details) values (?, ?, ?, ?, cast(? as jsonb))",
                cut(actor),
                cut(address),
                action.name(),
                cut(target),
                write(details == null ? Map.of() : details));
        log.info("Audit: {} from {}: {} {} {}", actor, address, action, target, details);
    }

    /** Page {@code page} (from 0) of {@code size} entries matching {@code filter}, the newest first. */
    public Page<Entry> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            where.append(" and actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.target() != null) {
            where.append(" and strpos(lower(coalesce(target, '')), lower(?)) > 0");
            args.add(filter.target().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            args.add(filter.to());
        }
        return Page.query(
                jdbc,
                "select count(*) from audit_log where " + where,
                "select * from audit_log where " + where + " order by at desc, id desc limit ? offset ?",
                (rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("address"),
                        rs.getString("action"),
                        rs.getString("target"),
                        read(rs.getString("details"))),
                args,
                page,
                size);
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    private String write(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String s) {
        try {
            return json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.dvcsync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.cluster.GatewayInstance;
import vn.dvcsync.kernel.Page;
import vn.dvcsync.kernel.Vietnam;

/** Run history in the store. */
@Component
class RunStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final GatewayInstance instance;

    RunStore(JdbcTemplate jdbc, ObjectMapper json, GatewayInstance instance) {
        this.jdbc = jdbc;
        this.json = json;
        this.instance = instance;
    }

    /** A run begins on this instance, with a fresh heartbeat. */
    void started(String id, RunType type, OffsetDateTime at) {
        jdbc.update("""
                insert into run (id, type, status, started_at, heartbeat_at, instance_id)
                values (?, ?, 'RUNNING', ?, now(), ?)
                """, id, type.id(), at, instance.id());
    }

    /** Refreshes the heartbeat of these runs (those still RUNNING). */
    void heartbeat(Collection<String> ids) {
        jdbc.update("update run set heartbeat_at = now() where id = any(?) and status = 'RUNNING'", (Object)
                ids.toArray(String[]::new));
    }

    /**
     * Marks FAILED every RUNNING run whose heartbeat is older than {@code grace}: finished at its last heartbeat,
     * with an error saying so. One statement: instances sweeping at once mark each run once.
     *
     * @return the ids of the runs marked
     */
    List<String> abandon(Duration grace) {
        return jdbc.queryForList("""
                update run set status = 'FAILED', finished_at = heartbeat_at,
                       error = 'abandoned: no heartbeat since '
                               || to_char(heartbeat_at at time zone ?, 'YYYY-MM-DD HH24:MI:SS')
                               || ' (Vietnam time); the instance executing it stopped (killed or lost) and the run '
                               || 'was marked FAILED after ' || ? || '; what it left pending is taken up by later runs'
                where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?)
                returning id
                """, String.class, Vietnam.ZONE.getId(), grace.toString(), grace.toMillis() / 1000.0);
    }

    /** Adds counts to a run already ended (an abandoned run: what the ledger says it did). */
    void addCounts(String id, Map<String, Object> counts) {
        jdbc.update("update run set counts = counts || cast(? as jsonb) where id = ?", write(counts), id);
    }

    void finished(String id, String status, Map<String, Object> counts, String error) {
        jdbc.update(
                "update run set status = ?, finished_at = now(), counts = cast(? as jsonb), error = ? where id = ?",
                status,
                write(counts),
                error,
                id);
    }

    /** A run by id, or the newest for {@code latest}. */
    Optional<Run> find(String id) {
        String where = "latest".equals(id) ? "order by started_at desc limit 1" : "where id = ?";
        Object[] args = "latest".equals(id) ? new Object[0] : new Object[] {id};
        return query("select * from run " + where, args).stream().findFirst();
    }

    /** A page of runs, newest first, of one type and one status when they are given. */
    Page<Run> list(RunType type, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (type != null) {
            where.append(" and type = ?");
            args.add(type.id());
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status);
        }
        return Page.query(
                jdbc,
                "select count(*) from run" + where,
                "select * from run" + where + " order by started_at desc, id desc limit ? offset ?",
                this::row,
                args,
                page,
                size);
    }

    /** The runs going now, on any instance. */
    List<Run> running() {
        return query("select * from run where status = 'RUNNING' order by started_at");
    }

    /** The newest run of one of these types that succeeded. */
    Optional<Run> latestSucceeded(Collection<RunType> types) {
        return query(
                        "select * from run where status = 'SUCCEEDED' and type = any(?) order by started_at desc limit 1",
                        (Object) types.stream().map(RunType::id).toArray(String[]::new))
                .stream()
                .findFirst();
    }

    private List<Run> query(String sql, Object... args) {
        return jdbc.query(sql, this::row, args);
    }

    private Run row(ResultSet rs, int n) throws SQLException {
        return new Run(
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                read(rs.getString("counts")),
                rs.getString("error"),
                rs.getString("instance_id"));
    }

    private String write(Map<String, Object> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String s) {
        try {
            return json.readValue(s, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

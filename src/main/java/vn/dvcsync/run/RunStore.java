package vn.dvcsync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Run history in the store. */
@Component
class RunStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RunStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void started(String id, RunType type, OffsetDateTime at) {
        jdbc.update("insert into run (id, type, status, started_at) values (?, ?, 'RUNNING', ?)", id, type.id(), at);
    }

    void finished(String id, String status, Map<String, Object> counts, String error) {
        jdbc.update("update run set status = ?, finished_at = now(), counts = cast(? as jsonb), error = ? where id = ?",
                status, write(counts), error, id);
    }

    /** A run by id, or the newest for {@code latest}. */
    Optional<Run> find(String id) {
        String where = "latest".equals(id) ? "order by started_at desc limit 1" : "where id = ?";
        Object[] args = "latest".equals(id) ? new Object[0] : new Object[] {id};
        return jdbc.query("select * from run " + where, (rs, n) -> new Run(
                rs.getString("id"), rs.getString("type"), rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                read(rs.getString("counts")), rs.getString("error")), args).stream().findFirst();
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
            return json.readValue(s, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

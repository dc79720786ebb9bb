package vn.dvcsync.ledger;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.canonical.Watermark;

/** Extraction watermarks, kept in the store next to the ledger rows they protect. */
@Component
public class Watermarks {

    private final JdbcTemplate jdbc;

    Watermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Watermark get(String name) {
        return jdbc.query(
                "select ts, id from watermark where name = ?",
                rs -> rs.next()
                        ? new Watermark(rs.getObject("ts", OffsetDateTime.class), rs.getLong("id"))
                        : Watermark.START,
                name);
    }

    /** Moves the watermark forward; never back (a re-read of older rows leaves it where it is). */
    public void advance(String name, Watermark to) {
        jdbc.update("""
                insert into watermark (name, ts, id) values (?, ?, ?)
                on conflict (name) do update set ts = excluded.ts, id = excluded.id, updated_at = now()
                where (watermark.ts, watermark.id) < (excluded.ts, excluded.id)
                """, name, to.ts(), to.id());
    }
}

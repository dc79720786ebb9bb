package vn.dvcsync.canonical;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A position in the city's change order: (cap_nhat_luc, id). */
public record Watermark(OffsetDateTime ts, long id) {

    /** Before every record. */
    public static final Watermark START = new Watermark(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0L);

    public boolean isAfter(Watermark other) {
        int c = ts.compareTo(other.ts);
        return c > 0 || (c == 0 && id > other.id);
    }
}

package vn.dvcsync.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with PostgreSQL {@code COPY ... FROM STDIN (FORMAT binary)}: values go in the
 * columns' own binary forms (no text for the server to parse, which is what makes text COPY slow), rows
 * are built in a small buffer and sent in chunks, so memory does not grow with the number of rows. The
 * columns' types are read from the catalog, so a value is encoded as its column needs.
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 16;
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    /** 2000-01-01, PostgreSQL's epoch, in Unix epoch seconds and days. */
    private static final long PG_EPOCH_SECOND = 946_684_800L;

    private static final long PG_EPOCH_DAY = 10_957L;

    private enum Type {
        INT2,
        INT4,
        INT8,
        BOOL,
        TEXT,
        DATE,
        TIMESTAMPTZ
    }

    private final CopyIn copy;
    private final VietnamClock clock;
    private final Type[] types;
    private final String table;
    private byte[] buf = new byte[CHUNK + 8192];
    private int len;
    private int column;
    private long rows;

    /** @param columns the columns in the order values are given, comma-separated */
    CopyWriter(Connection connection, String table, String columns, VietnamClock clock) throws SQLException {
        this.table = table;
        this.clock = clock;
        String[] names = columns.split(",");
        types = new Type[names.length];
        try (PreparedStatement ps = connection.prepareStatement(
                "select format_type(atttypid, null) from pg_attribute where attrelid = ?::regclass and attname = ?")) {
            for (int i = 0; i < names.length; i++) {
                ps.setString(1, table);
                ps.setString(2, names[i].strip());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException(table + " has no column " + names[i].strip());
                    }
                    types[i] = type(rs.getString(1));
                }
            }
        }
        copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        put(HEADER, HEADER.length);
    }

    private static Type type(String sqlType) {
        return switch (sqlType) {
            case "smallint" -> Type.INT2;
            case "integer" -> Type.INT4;
            case "bigint" -> Type.INT8;
            case "boolean" -> Type.BOOL;
            case "date" -> Type.DATE;
            case "timestamp with time zone" -> Type.TIMESTAMPTZ;
            default -> {
                if (sqlType.startsWith("character varying")
                        || sqlType.equals("text")
                        || sqlType.startsWith("character")) {
                    yield Type.TEXT;
                }
                throw new IllegalStateException("no binary COPY for a column of type " + sqlType);
            }
        };
    }

    CopyWriter text(String value) {
        Type t = next();
        if (value == null) {
            return nul();
        }
        if (t != Type.TEXT) {
            throw mismatch(t, "text");
        }
        int at = len;
        ensure(4 + value.length() * 3);
        len += 4;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
        return this;
    }

    CopyWriter number(long value) {
        Type t = next();
        switch (t) {
            case INT2 -> {
                int32(2);
                int16((int) value);
            }
            case INT4 -> {
                int32(4);
                int32((int) value);
            }
            case INT8 -> {
                int32(8);
                int64(value);
            }
            default -> throw mismatch(t, "number");
        }
        return this;
    }

    CopyWriter number(Integer value) {
        if (value == null) {
            next();
            return nul();
        }
        return number(value.longValue());
    }

    CopyWriter bool(boolean value) {
        Type t = next();
        if (t != Type.BOOL) {
            throw mismatch(t, "boolean");
        }
        int32(1);
        ensure(1);
        buf[len++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A timestamptz from a local second ({@link VietnamClock}), or null for {@link VietnamClock#NONE}. */
    CopyWriter time(long localSecond) {
        Type t = next();
        if (localSecond == VietnamClock.NONE) {
            return nul();
        }
        if (t != Type.TIMESTAMPTZ) {
            throw mismatch(t, "time");
        }
        int32(8);
        int64((clock.epochSecond(localSecond) - PG_EPOCH_SECOND) * 1_000_000L);
        return this;
    }

    /** A date from an epoch day, or null for {@link VietnamClock#NONE}. */
    CopyWriter date(long epochDay) {
        Type t = next();
        if (epochDay == VietnamClock.NONE) {
            return nul();
        }
        if (t != Type.DATE) {
            throw mismatch(t, "date");
        }
        int32(4);
        int32((int) (epochDay - PG_EPOCH_DAY));
        return this;
    }

    void endRow() throws SQLException {
        if (column != types.length) {
            throw new IllegalStateException(
                    table + ": a row has " + column + " values for " + types.length + " columns");
        }
        column = 0;
        rows++;
        if (len >= CHUNK) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY. @return rows written */
    long finish() throws SQLException {
        ensure(2);
        int16(-1);
        flush();
        copy.endCopy();
        return rows;
    }

    /** Cancels the COPY if it was not finished (an error on the way), so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private Type next() {
        if (column == 0) {
            ensure(2);
            int16(types.length);
        }
        if (column >= types.length) {
            throw new IllegalStateException(table + ": more values than columns");
        }
        return types[column++];
    }

    private CopyWriter nul() {
        int32(-1);
        return this;
    }

    private IllegalStateException mismatch(Type column, String value) {
        return new IllegalStateException(table + ": a " + value + " for a column of type " + column);
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] bytes, int n) {
        ensure(n);
        System.arraycopy(bytes, 0, buf, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void flush() throws SQLException {
        if (len > 0) {
            copy.writeToCopy(buf, 0, len);
            len = 0;
        }
    }
}

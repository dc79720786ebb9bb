package vn.dvcsync.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A reply's body as the caller reads it (decompressed, when the server compressed it), refused once it
 * holds more than {@code max} bytes: a gzip bomb stops at the limit, whatever its compressed size.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private long count;
    private boolean eof;

    LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            eof = true;
        } else {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // never read far past the limit in one go
        int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, max - count + 1)));
        if (n < 0) {
            eof = true;
        } else {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, Math.max(1, max - count + 1)));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Nothing: a reader (a parser closing its source) must not close the connection's stream, which would read the
     * rest of the body to its end; {@link #release()} does, once the rest is known to be small or dropped.
     */
    @Override
    public void close() {}

    /** Closes the connection's stream. */
    void release() throws IOException {
        in.close();
    }

    /** Whether the end of the body was read. */
    boolean atEnd() {
        return eof;
    }

    /**
     * Reads what is left of the body when it is at most {@code upTo} bytes (so the connection can be reused).
     *
     * @return whether the end was reached; false: more is left, the connection should be dropped
     */
    boolean drain(int upTo) throws IOException {
        byte[] buffer = new byte[Math.min(upTo, 8192)];
        long left = upTo;
        while (!eof && left > 0) {
            int n = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n > 0) {
                left -= n;
            }
        }
        return eof;
    }

    private void counted(long n) throws ReplyRefusedException {
        count += n;
        if (count > max) {
            throw new ReplyRefusedException("reply larger than the limit of " + ReplyRefusedException.size(max));
        }
    }
}

package vn.dvcsync.support;

import java.io.IOException;

/**
 * A reply the gateway stopped reading: larger than the service's limit, or not complete within the call's
 * deadline. The connection is dropped. For the caller it is a call without a usable answer, like a time-out: the
 * request may have been processed.
 */
public class ReplyRefusedException extends IOException {

    public ReplyRefusedException(String message) {
        super(message);
    }

    /** Bytes for a message: {@code 65536} → {@code 64 KiB}, {@code 16777216} → {@code 16 MiB}. */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}

package vn.dvcsync.portal;

/**
 * The portal could not be reached or kept failing (5xx, I/O errors, time-outs, {@code error_code 9},
 * rate limiting) through every attempt, or refused a fresh session. Worth trying again later.
 * The message carries the last error.
 */
public class PortalUnavailableException extends RuntimeException {

    public PortalUnavailableException(String message) {
        super(message);
    }
}

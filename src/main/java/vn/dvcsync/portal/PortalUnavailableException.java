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

    /** Whether {@code e} is, or was caused by, the portal being unavailable. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortalUnavailableException) {
                return true;
            }
        }
        return false;
    }
}

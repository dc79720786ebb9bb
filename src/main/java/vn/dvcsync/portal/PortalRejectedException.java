package vn.dvcsync.portal;

/**
 * The portal refused a request as malformed ({@code error_code 1}, an unexpected HTTP status or reply,
 * refused credentials). Resending the same request will not help: it is a defect to fix.
 */
public class PortalRejectedException extends RuntimeException {

    public PortalRejectedException(String message) {
        super(message);
    }
}

package vn.dvcsync.simulator;

/** A call-level portal answer other than {@code 0}: {@code {"error_code": code, "message": message}}. */
final class PortalCallError extends Exception {

    private final String code;

    PortalCallError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}

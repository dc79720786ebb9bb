package vn.dvcsync.population;

/**
 * The population service refused the request ({@code soapenv:Client} fault: bad signature, stale
 * Timestamp, malformed request; or an unexpected HTTP status). Resending it will not help.
 */
public class PopulationRejectedException extends RuntimeException {

    public PopulationRejectedException(String message) {
        super(message);
    }
}

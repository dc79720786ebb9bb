package vn.dvcsync.population;

/**
 * The population service kept failing ({@code soapenv:Server} faults, 5xx, I/O errors, time-outs,
 * rate limiting) through every attempt. Worth trying again later. The message carries the last error.
 */
public class PopulationUnavailableException extends RuntimeException {

    public PopulationUnavailableException(String message) {
        super(message);
    }
}

package vn.dvcsync.simulator;

/** A SOAP 1.1 fault the population simulator answers: {@code soapenv:Client} or {@code soapenv:Server}. */
final class PopulationFault extends Exception {

    private final String faultCode;

    private PopulationFault(String faultCode, String message) {
        super(message, null, false, false);
        this.faultCode = faultCode;
    }

    static PopulationFault client(String message) {
        return new PopulationFault("soapenv:Client", message);
    }

    static PopulationFault server(String message) {
        return new PopulationFault("soapenv:Server", message);
    }

    String faultCode() {
        return faultCode;
    }
}

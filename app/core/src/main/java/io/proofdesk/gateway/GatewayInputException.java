package io.proofdesk.gateway;

/** A response or request file that cannot be read as one: says which file and where in it (a JSON path). */
public final class GatewayInputException extends RuntimeException {

    public GatewayInputException(String file, String what) {
        super(file + ": " + what);
    }
}

package io.proofdesk.gateway;

/** Something a response check needs cannot be had here (a registry, a request shape Proofdesk does not reproduce). */
public final class GatewayUncheckableException extends RuntimeException {

    public GatewayUncheckableException(String reason) {
        super(reason);
    }
}

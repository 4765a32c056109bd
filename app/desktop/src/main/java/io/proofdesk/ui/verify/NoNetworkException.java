package io.proofdesk.ui.verify;

/** Verification was asked for while no network is configured to check records against. */
public final class NoNetworkException extends IllegalStateException {
    public NoNetworkException() {
        super("there is no network to verify against: start the demo network or add the network's endpoints first");
    }
}

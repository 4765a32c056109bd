package io.proofdesk.network;

/** The network uses something Proofdesk cannot read yet (a header format, a contract kind); says what. */
public final class UnsupportedNetworkException extends RuntimeException {
    public UnsupportedNetworkException(String what) {
        super(what + ": not supported yet");
    }
}

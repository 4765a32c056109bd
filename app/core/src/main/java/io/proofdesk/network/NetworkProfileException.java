package io.proofdesk.network;

/** A network profile cannot be used as written; the message names the file (or setting) and the key. */
public final class NetworkProfileException extends IllegalArgumentException {

    public NetworkProfileException(String where, String problem) {
        super(where + ": " + problem);
    }

    public NetworkProfileException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}

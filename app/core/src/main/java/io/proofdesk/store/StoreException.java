package io.proofdesk.store;

/** A store operation failed; the message says what was being done. Subclasses name the failures a user can meet. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.proofdesk.attest;

/** A public key (PEM or DER) that cannot be read. Carries where the key came from. */
public class KeyFormatException extends IllegalArgumentException {

    private final String source;

    public KeyFormatException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public KeyFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** Where the key was read from (a file name, "registry", "node /signing-key" ...). */
    public String source() {
        return source;
    }
}

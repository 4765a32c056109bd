package io.proofdesk.attest;

/** A well-formed key of the wrong kind, e.g. an EC key where an RSA key is required. */
public final class WrongKeyTypeException extends KeyFormatException {

    private final String expected;
    private final String actual;

    public WrongKeyTypeException(String source, String expected, String actual) {
        super(source, "expected " + expected + " public key, got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}

package io.proofdesk.attest;

/** An attestation document that cannot be read: bad base64, bad CBOR, a wrong or oversized field. */
public final class MalformedAttestationException extends IllegalArgumentException {

    private final String field;

    public MalformedAttestationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public MalformedAttestationException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    /** Which part of the document was wrong ("base64", "CBOR", "payload.pcrs", ...). */
    public String field() {
        return field;
    }
}

package io.proofdesk.attest;

/** A Merkle tree dump (OZ "standard-v1" JSON) that is unreadable or does not hash consistently. */
public final class MerkleTreeFormatException extends IllegalArgumentException {

    private final String where;

    public MerkleTreeFormatException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    public MerkleTreeFormatException(String where, String message, Throwable cause) {
        super(where + ": " + message, cause);
        this.where = where;
    }

    /** JSON location, e.g. "values[3].value[1]". */
    public String where() {
        return where;
    }
}

package io.proofdesk.chain.proof;

/** A header's fields do not hash to the hash the endpoint gave for it: the header was altered or invented. */
public final class HeaderHashMismatchException extends ChainProofException {
    private final long block;

    public HeaderHashMismatchException(long block, String claimed, String computed) {
        super("header hash mismatch: block " + block + ", endpoint says " + claimed + ", RLP gives " + computed);
        this.block = block;
    }

    public long block() {
        return block;
    }
}

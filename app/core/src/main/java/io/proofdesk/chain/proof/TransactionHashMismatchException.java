package io.proofdesk.chain.proof;

/** A transaction object whose fields do not encode to the hash the endpoint gave for it (e.g. altered calldata). */
public final class TransactionHashMismatchException extends ChainProofException {
    public TransactionHashMismatchException(String where, String claimed, String computed) {
        super("transaction hash mismatch: " + where + ", endpoint says " + claimed + ", its fields encode to "
                + computed);
    }
}

package io.proofdesk.chain.proof;

/** An inclusion proof that does not lead from its root to its value: a node is missing, altered or out of place. */
public final class InvalidProofException extends ChainProofException {
    public InvalidProofException(String message) {
        super(message);
    }
}

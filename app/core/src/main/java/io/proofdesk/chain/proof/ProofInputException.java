package io.proofdesk.chain.proof;

/** An endpoint's block, receipt or transaction is malformed or of a kind Proofdesk cannot encode; says what and where. */
public final class ProofInputException extends ChainProofException {
    public ProofInputException(String message) {
        super(message);
    }

    public ProofInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

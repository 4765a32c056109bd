package io.proofdesk.chain.proof;

/**
 * Something an endpoint said cannot be proved, or was proved false. Each subclass is one failure a user can meet; a
 * sync catches this type to refuse a block and name the endpoint.
 */
public class ChainProofException extends RuntimeException {
    public ChainProofException(String message) {
        super(message);
    }

    public ChainProofException(String message, Throwable cause) {
        super(message, cause);
    }
}

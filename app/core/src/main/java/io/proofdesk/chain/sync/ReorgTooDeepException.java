package io.proofdesk.chain.sync;

/** The chain reorganised deeper than the block hashes Proofdesk keeps, so the common ancestor cannot be found safely. */
public final class ReorgTooDeepException extends SyncException {
    public ReorgTooDeepException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public ReorgTooDeepException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

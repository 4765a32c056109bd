package io.proofdesk.chain.sync;

/** An RPC endpoint serves a different chain (chain id) than the one configured. */
public final class WrongChainException extends SyncException {
    public WrongChainException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public WrongChainException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

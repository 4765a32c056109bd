package io.proofdesk.chain.sync;

/** The store was synced from another chain than the one the RPC endpoints serve; Proofdesk never mixes chains in one store. */
public final class StoreChainMismatchException extends SyncException {
    public StoreChainMismatchException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public StoreChainMismatchException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

package io.proofdesk.chain.sync;

/** An RPC endpoint returned a log that was not asked for: outside the block range, from another contract, or removed. */
public final class RpcLogRejectedException extends SyncException {
    public RpcLogRejectedException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcLogRejectedException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

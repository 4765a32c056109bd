package io.proofdesk.chain.sync;

/** An RPC endpoint did not answer in time, even for the smallest block range. */
public final class RpcTimeoutException extends SyncException {
    public RpcTimeoutException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcTimeoutException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

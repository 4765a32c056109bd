package io.proofdesk.chain.sync;

/** An RPC endpoint could not be reached, or answered with an HTTP error status. */
public final class RpcUnreachableException extends SyncException {
    public RpcUnreachableException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcUnreachableException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

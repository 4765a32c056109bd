package io.proofdesk.chain.sync;

/** An RPC endpoint answered a request with a JSON-RPC error Proofdesk cannot work around. */
public final class RpcErrorException extends SyncException {
    public RpcErrorException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcErrorException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

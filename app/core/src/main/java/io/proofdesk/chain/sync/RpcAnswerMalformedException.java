package io.proofdesk.chain.sync;

/** An RPC endpoint answered with something that is not the JSON-RPC answer asked for (bad JSON, missing or ill-typed fields, an undecodable log). */
public final class RpcAnswerMalformedException extends SyncException {
    public RpcAnswerMalformedException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcAnswerMalformedException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

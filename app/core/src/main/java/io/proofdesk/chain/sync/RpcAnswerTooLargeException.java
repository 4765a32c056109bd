package io.proofdesk.chain.sync;

/** An RPC endpoint's answer was larger than the cap Proofdesk reads from it. */
public final class RpcAnswerTooLargeException extends SyncException {
    public RpcAnswerTooLargeException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public RpcAnswerTooLargeException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

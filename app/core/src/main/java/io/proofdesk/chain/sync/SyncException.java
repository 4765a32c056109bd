package io.proofdesk.chain.sync;

/**
 * Why a sync stopped, naming the endpoint (or store) and what was wrong with it. Each subtype is one failure a user
 * can meet; the UI and the CLI turn {@link #getMessage()} into the sentence they show. The store is always left at
 * the last fully written chunk.
 */
public abstract sealed class SyncException extends RuntimeException
        permits RpcAnswerMalformedException, RpcAnswerTooLargeException, RpcTimeoutException, RpcUnreachableException,
        RpcErrorException, RpcLogRejectedException, WrongChainException, StoreChainMismatchException,
        ReorgTooDeepException, SyncCancelledException, SourceAnswerException, ChainProofFailedException,
        ExplorerAnswerException {

    private final String endpoint;
    private final String problem;

    protected SyncException(String endpoint, String problem, Throwable cause) {
        super(endpoint + ": " + problem, cause);
        this.endpoint = endpoint;
        this.problem = problem;
    }

    /** The RPC URL, hub/blob store URL or store file the problem is about. */
    public String endpoint() {
        return endpoint;
    }

    /** What was wrong, without the endpoint. */
    public String problem() {
        return problem;
    }
}

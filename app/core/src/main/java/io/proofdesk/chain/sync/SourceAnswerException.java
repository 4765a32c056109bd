package io.proofdesk.chain.sync;

/** The model hub or file store answered with something Proofdesk cannot use (bad JSON, too large, unreachable). */
public final class SourceAnswerException extends SyncException {
    public SourceAnswerException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public SourceAnswerException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

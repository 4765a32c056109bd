package io.proofdesk.chain.sync;

/**
 * A block explorer's API (Etherscan-compatible {@code module=logs&action=getLogs}) could not be asked or answered
 * with something Proofdesk cannot use: unreachable, too slow, too large, not JSON, an error status, a malformed log.
 * The endpoint named is the explorer's API URL.
 */
public final class ExplorerAnswerException extends SyncException {
    public ExplorerAnswerException(String explorer, String problem, Throwable cause) {
        super(explorer, problem, cause);
    }

    public ExplorerAnswerException(String explorer, String problem) {
        super(explorer, problem, null);
    }
}

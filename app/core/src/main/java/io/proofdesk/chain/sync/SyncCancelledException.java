package io.proofdesk.chain.sync;

/** The user cancelled the sync; everything up to the last written chunk is kept. */
public final class SyncCancelledException extends SyncException {
    public SyncCancelledException(String endpoint, String problem, Throwable cause) {
        super(endpoint, problem, cause);
    }

    public SyncCancelledException(String endpoint, String problem) {
        super(endpoint, problem, null);
    }
}

package io.proofdesk.verify;

/** Asks a running batch to stop: records not yet started are left alone, started ones finish and are saved. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}

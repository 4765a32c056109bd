package io.proofdesk.chain.sync;

/**
 * Lets another thread stop a running sync: {@link #cancel()} makes it stop before its next chunk (the chunk being
 * written is finished or rolled back whole), throwing {@link SyncCancelledException}.
 */
public final class SyncControl {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}

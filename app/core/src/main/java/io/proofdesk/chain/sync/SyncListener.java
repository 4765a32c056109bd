package io.proofdesk.chain.sync;

/**
 * What a running sync tells its caller (CLI progress lines, the GUI's task panel). Called on the sync's own thread;
 * implementations must be quick and must not call back into the sync. A listener that throws stops the sync after
 * the last written chunk (the store stays consistent).
 */
public interface SyncListener {

    /**
     * Once per run, when the head is known and before the first chunk is read: blocks {@code startBlock..headBlock}
     * are to be read and none of them is stored yet (so a caller can show a determinate progress from the start).
     */
    default void started(SyncProgress p) {
    }

    /** After each written chunk, after a reorg rollback, and once when the head is reached. */
    default void progress(SyncProgress p) {
    }

    /** Something the user should know that does not stop the sync (endpoint disagreement, failover, hub file). */
    default void warning(String message) {
    }

    /** A chunk and its checkpoint were committed. */
    default void chunkStored(SyncProgress p) {
    }

    SyncListener NONE = new SyncListener() {
    };
}

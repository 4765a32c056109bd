package io.proofdesk.ui.network;

import io.proofdesk.store.Store;

/**
 * The one call the desktop makes into the chain sync engine: sync {@code endpoints} into {@code store} on the
 * calling thread until the head is reached (or, when following, until cancelled). Kept this small so the view does
 * not depend on the engine's shape.
 */
public interface NetworkSync {

    /** Called on the sync's thread; must be quick. */
    interface Listener {
        /** Blocks {@code startBlock..syncedBlock} are stored; the chain's head is {@code headBlock}. */
        void progress(long startBlock, long syncedBlock, long headBlock);

        /** The head is known: blocks {@code startBlock..headBlock} are to be read and none is stored yet. */
        default void started(long startBlock, long headBlock) {
        }

        /** A chunk was committed with {@code newRecords} inferences it had not stored before. */
        void stored(long newRecords);

        /** The hub's models were copied into the store. */
        default void modelsStored(int models) {
        }

        /** Something the user should know that does not stop the sync. */
        default void warning(String message) {
        }
    }

    /** What one run did. */
    record Summary(long chainId, long toBlock, long records, int models) {
    }

    /** Whether {@link #run} can keep following the head after catching up. */
    boolean canFollow();

    /** @throws Exception the engine's exception, whose message says what failed and where */
    Summary run(NetworkEndpoints endpoints, Store store, boolean follow, Listener listener, CancelSignal cancel)
            throws Exception;
}

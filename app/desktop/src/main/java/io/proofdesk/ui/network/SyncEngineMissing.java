package io.proofdesk.ui.network;

import io.proofdesk.store.Store;

/**
 * Stands in for the chain sync engine until this build has it: says so in one sentence instead of syncing.
 * Replaced by the engine-backed {@link NetworkSync} when the engine is merged.
 */
public final class SyncEngineMissing implements NetworkSync {

    @Override
    public boolean canFollow() {
        return false;
    }

    @Override
    public Summary run(NetworkEndpoints endpoints, Store store, boolean follow, Listener listener, CancelSignal cancel) {
        throw new UnsupportedOperationException("this build of Proofdesk cannot sync yet: the chain sync engine is "
                + "not part of it");
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncProgress;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.store.Store;

import java.util.Optional;

/** {@link NetworkSync} over the core's chain sync engine ({@link ChainSync}), as {@code proofdesk sync} runs it. */
public final class ChainNetworkSync implements NetworkSync {

    static final long FOLLOW_POLL_MILLIS = 1_000;
    static final int KEPT_BLOCK_HASHES = 256;

    @Override
    public boolean canFollow() {
        return true;
    }

    @Override
    public Summary run(NetworkEndpoints endpoints, Store store, boolean follow, Listener listener, CancelSignal cancel) {
        SyncConfig config = config(endpoints, follow);
        precompileWithoutNodeApi(endpoints.profile()).ifPresent(listener::warning);
        SyncControl control = new SyncControl();
        cancel.onCancel(control::cancel);
        SyncSummary s = new ChainSync(store, config, new SyncListener() {
            private long storedRecords;

            @Override
            public void started(SyncProgress p) {
                listener.started(p.startBlock(), p.headBlock());
            }

            @Override
            public void progress(SyncProgress p) {
                listener.progress(p.startBlock(), p.syncedBlock(), p.headBlock());
            }

            @Override
            public void chunkStored(SyncProgress p) {
                // the engine counts records for the whole run; the views want what each chunk added
                long added = p.records() - storedRecords;
                storedRecords = p.records();
                listener.stored(added);
            }

            @Override
            public void warning(String message) {
                listener.warning(message);
            }
        }).run(control);
        listener.modelsStored(s.models());
        return new Summary(s.chainId(), s.toBlock(), s.records(), s.models());
    }

    /** The network as the Network view connected to it: its profile, trust roots already read. */
    static SyncConfig config(NetworkEndpoints ep, boolean follow) {
        return SyncConfig.of(ep.profile(), follow, FOLLOW_POLL_MILLIS, KEPT_BLOCK_HASHES, SyncLimits.DEFAULT);
    }

    /** What the sync says about a precompile whose asynchronous results it cannot fetch (the CLI's words). */
    static Optional<String> precompileWithoutNodeApi(NetworkProfile p) {
        return p.precompileWithoutNodeApi();
    }
}

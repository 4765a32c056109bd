package io.proofdesk.chain.sync;

import io.proofdesk.store.Store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sync running on an executor, for the GUI's task panel: {@link #progress()} for polling, the listener for pushes
 * (called on the sync thread), {@link #cancel()} to stop it before its next chunk, {@link #result()} completing with
 * the summary or the {@link SyncException} that stopped it ({@link SyncCancelledException} after a cancel).
 */
public final class SyncJob {

    private final SyncControl control = new SyncControl();
    private final AtomicReference<SyncProgress> latest = new AtomicReference<>();
    private final CompletableFuture<SyncSummary> result;

    private SyncJob(Store store, SyncConfig config, SyncListener listener, Executor executor) {
        SyncListener tracking = new SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                latest.set(p);
                listener.progress(p);
            }

            @Override
            public void warning(String message) {
                listener.warning(message);
            }

            @Override
            public void chunkStored(SyncProgress p) {
                listener.chunkStored(p);
            }
        };
        ChainSync sync = new ChainSync(store, config, tracking);
        this.result = CompletableFuture.supplyAsync(() -> sync.run(control), executor);
    }

    public static SyncJob start(Store store, SyncConfig config, SyncListener listener, Executor executor) {
        return new SyncJob(store, config, listener, executor);
    }

    public void cancel() {
        control.cancel();
    }

    public boolean isCancelled() {
        return control.isCancelled();
    }

    /** The last progress the sync reported, if any yet. */
    public Optional<SyncProgress> progress() {
        return Optional.ofNullable(latest.get());
    }

    public CompletableFuture<SyncSummary> result() {
        return result;
    }
}

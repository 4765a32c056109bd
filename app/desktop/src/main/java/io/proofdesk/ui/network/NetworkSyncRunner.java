package io.proofdesk.ui.network;

import io.proofdesk.store.Store;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.TaskContext;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.shell.StatusBarViewModel;
import io.proofdesk.ui.shell.SyncState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.Semaphore;

/**
 * Runs one sync at a time as a titled task (progress and Cancel in the task panel), tells the views what it stored
 * (at most twice a second, so a fast sync does not make every view re-read after every chunk) and shows its state in
 * the status bar.
 */
final class NetworkSyncRunner {

    private static final long PUBLISH_EVERY_NANOS = 500_000_000L;

    private final NetworkSync sync;
    private final StoreEvents events;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final StatusBarViewModel statusBar;
    private final ResourceBundle strings;
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing", false);
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", false);
    // a cancelled sync finishes its chunk after its task has ended; the next one waits for that
    private final Semaphore lane = new Semaphore(1);
    private Task<NetworkSync.Summary> task;

    NetworkSyncRunner(NetworkSync sync, StoreAccess store, StoreEvents events, BackgroundExecutor executor,
                      ErrorNotices notices, StatusBarViewModel statusBar, ResourceBundle strings) {
        this.sync = sync;
        this.events = events;
        this.executor = executor;
        this.notices = notices;
        this.statusBar = statusBar;
        this.strings = strings;
    }

    /** Does nothing while a sync is running. Call on the FX thread. */
    void start(NetworkEndpoints endpoints, Store store, Runnable whenDone) {
        if (task != null) {
            return;
        }
        CancelSignal signal = new CancelSignal();
        boolean following = follow.get() && sync.canFollow();
        syncing.set(true);
        statusBar.showSync(SyncState.SYNCING, "");
        task = Tasks.<NetworkSync.Summary>create(ctx -> {
            lane.acquire();
            Publisher publisher = new Publisher(ctx);
            try {
                ctx.checkCancelled();
                ctx.message(say("network.sync.connecting", endpoints.rpcUrls().isEmpty() ? ""
                        : endpoints.rpcUrls().getFirst()));
                return sync.run(endpoints, store, following, publisher, signal);
            } finally {
                publisher.flush();
                lane.release();
            }
        }).titled(say(endpoints.embedded() ? "network.sync.taskDemo" : "network.sync.task"))
                .announce(summary -> say("network.sync.notify", summary.records(), summary.models(), summary.toBlock()))
                .onSuccess(summary -> {
                    statusBar.showSync(SyncState.UP_TO_DATE, say("network.sync.done", summary.toBlock()));
                    events.publish(new StoreEvent.ModelsStored(summary.models()));
                })
                .onError(e -> {
                    statusBar.showSync(SyncState.FAILED, notices.sentence(e));
                    notices.show(e);
                })
                .onCancelled(() -> {
                    signal.cancel();
                    statusBar.showSync(SyncState.IDLE, say("network.sync.stopped"));
                })
                .andFinally(() -> {
                    task = null;
                    syncing.set(false);
                    whenDone.run();
                })
                .run(executor);
        task.messageProperty().addListener((o, was, now) -> {
            if (syncing.get() && now != null && !now.isEmpty()) {
                statusBar.showSync(SyncState.SYNCING, now);
            }
        });
    }

    void stop() {
        if (task != null) {
            task.cancel();
        }
    }

    ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    BooleanProperty followProperty() {
        return follow;
    }

    boolean canFollow() {
        return sync.canFollow();
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }

    /** Feeds the task panel and batches "inferences stored" events; runs on the sync's thread. */
    private final class Publisher implements NetworkSync.Listener {
        private final TaskContext ctx;
        private long pending;
        private long lastPublish = System.nanoTime();

        Publisher(TaskContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void started(long startBlock, long headBlock) {
            ctx.progress(0, Math.max(1, headBlock - startBlock + 1));
            ctx.message(say("network.sync.starting", Math.max(0, headBlock - startBlock + 1), startBlock, headBlock));
        }

        @Override
        public void progress(long startBlock, long syncedBlock, long headBlock) {
            ctx.progress(Math.max(0, syncedBlock - startBlock + 1), Math.max(1, headBlock - startBlock + 1));
            long total = Math.max(1, headBlock - startBlock + 1);
            ctx.message(say("network.sync.block", syncedBlock, headBlock,
                    Math.min(total, Math.max(0, syncedBlock - startBlock + 1)), total));
        }

        @Override
        public void stored(long newRecords) {
            pending += newRecords;
            if (System.nanoTime() - lastPublish >= PUBLISH_EVERY_NANOS) {
                flush();
            }
        }

        @Override
        public void modelsStored(int models) {
            events.publish(new StoreEvent.ModelsStored(models));
        }

        @Override
        public void warning(String message) {
            ctx.message(message);
        }

        void flush() {
            if (pending > 0) {
                events.publish(new StoreEvent.InferencesStored((int) Math.min(Integer.MAX_VALUE, pending)));
                pending = 0;
            }
            lastPublish = System.nanoTime();
        }
    }
}

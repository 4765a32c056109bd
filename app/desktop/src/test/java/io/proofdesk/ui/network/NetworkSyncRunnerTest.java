package io.proofdesk.ui.network;

import io.proofdesk.network.NetworkProfile;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.shell.StatusBarViewModel;
import io.proofdesk.ui.shell.SyncState;
import io.proofdesk.ui.shell.TaskPanelViewModel;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sync of custom endpoints shows determinate progress in blocks from the moment the head is known (before the first
 * chunk is stored), not an indeterminate "Working…" until the end.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkSyncRunnerTest {

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
    private final ErrorNotices notices = new ErrorNotices(strings);
    private final BackgroundExecutor executor = new BackgroundExecutor("sync-test", 2, notices::show);
    private final StatusBarViewModel statusBar = new StatusBarViewModel(strings, new TaskPanelViewModel(executor));
    private final CountDownLatch atStart = new CountDownLatch(1);
    private final CountDownLatch atHalf = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        // the FX toolkit is all this test needs
    }

    @AfterEach
    void close() {
        proceed.countDown();
        finish.countDown();
        executor.close();
    }

    /** Blocks 100..199 of a chain: says where it starts, stores half, then the rest, waiting for the test between. */
    private final NetworkSync sync = new NetworkSync() {
        @Override
        public boolean canFollow() {
            return false;
        }

        @Override
        public Summary run(NetworkEndpoints endpoints, Store store, boolean follow, Listener listener,
                           CancelSignal cancel) throws Exception {
            listener.started(100, 199);
            atStart.countDown();
            proceed.await(20, TimeUnit.SECONDS);
            listener.progress(100, 149, 199);
            atHalf.countDown();
            finish.await(20, TimeUnit.SECONDS);
            listener.progress(100, 199, 199);
            return new Summary(31337, 199, 0, 0);
        }
    };

    @Test
    @DisplayName("0 of 100 blocks when the head is known, 50 of 100 after half, then up to date")
    void progressInBlocks(FxRobot robot) throws Exception {
        NetworkSyncRunner runner = new NetworkSyncRunner(sync, null, new StoreEvents(), executor, notices, statusBar,
                strings);
        NetworkEndpoints ep = NetworkEndpoints.of(NetworkProfile.EMPTY.withSources(List.of("http://127.0.0.1:1"), null,
                null, null, io.proofdesk.network.NetworkContracts.NONE, 100));
        robot.interact(() -> runner.start(ep, null, () -> { }));
        Task<?> task = onFx(() -> executor.visibleTasks().getFirst());
        assertEquals("Syncing the network", onFx(task::getTitle));

        atStart.await(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> task.getProgress() == 0.0));
        assertEquals("Reading 100 blocks (100 to 199)", onFx(task::getMessage));
        assertEquals(SyncState.SYNCING, onFx(() -> statusBar.syncProperty().get()));
        assertEquals("Syncing \u00b7 Reading 100 blocks (100 to 199)", onFx(() -> statusBar.syncText().get()));

        proceed.countDown();
        atHalf.await(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> task.getProgress() == 0.5));
        assertEquals("Block 149 of 199 \u00b7 50 of 100 blocks read", onFx(task::getMessage));

        finish.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> statusBar.syncProperty().get() == SyncState.UP_TO_DATE));
        assertEquals("Up to date \u00b7 block 199", onFx(() -> statusBar.syncText().get()));
    }
}

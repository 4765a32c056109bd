package io.proofdesk.ui.shell;

import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** View-models of the shell, exercised without a JavaFX toolkit. */
class ShellViewModelsTest {

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
    private final BackgroundExecutor executor = new BackgroundExecutor("test", 1, e -> { });

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void mainOpensSectionsStartingAtNetwork() {
        MainViewModel main = new MainViewModel();
        assertEquals(View.NETWORK, main.current());
        main.open(View.REPORTS);
        assertEquals(View.REPORTS, main.currentProperty().get());
        assertThrows(NullPointerException.class, () -> main.open(null));
    }

    @Test
    void statusBarSaysNotConnectedUntilToldOtherwise() {
        TaskPanelViewModel panel = new TaskPanelViewModel(executor);
        StatusBarViewModel status = new StatusBarViewModel(strings, panel);
        assertEquals("Not connected", status.chainText().get());
        assertEquals("Sync idle", status.syncText().get());
        assertEquals("No tasks running", status.tasksText().get());

        status.showChain(ChainState.CONNECTED, "chain 31337 · block 1,204");
        status.showSync(SyncState.SYNCING, "62%");
        assertEquals("Connected · chain 31337 · block 1,204", status.chainText().get());
        assertEquals("Syncing · 62%", status.syncText().get());
        assertEquals(ChainState.CONNECTED, status.chainProperty().get());
    }

    @Test
    void taskCountReadsNaturally() {
        String pattern = strings.getString("status.tasks");
        assertEquals("1 task running", java.text.MessageFormat.format(pattern, 1));
        assertEquals("12 tasks running", java.text.MessageFormat.format(pattern, 12));
    }

    @Test
    void theFirstWindowFitsTheScreen() {
        assertEquals(1280, MainWindow.firstSize(1280, 1920), "room for the default size");
        assertEquals(768, MainWindow.firstSize(800, 768), "a 1366x768 laptop gets the whole height, not more");
        assertEquals(1280, MainWindow.firstSize(1280, 0), "no screen known: the default");
    }

    @Test
    void taskPanelStartsClosed() {
        TaskPanelViewModel panel = new TaskPanelViewModel(executor);
        assertFalse(panel.openProperty().get());
        assertEquals(0, panel.runningCount().get());
    }
}

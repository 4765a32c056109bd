package io.proofdesk.ui.network;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.shell.ChainState;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demo that cannot start (here: its state folder is taken by a file, so nothing can be written there) is a
 * sentence in the error banner and in the Network view, and the app keeps running.
 */
@ExtendWith(ApplicationExtension.class)
class DemoStartFailureTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        Files.createDirectories(dataDir.resolve("demo"));
        // the store folder opens; the devnet's own folder (blobs/) is a file
        Files.writeString(dataDir.resolve("demo").resolve("blobs"), "not a folder");
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        wiring.main().open(View.NETWORK);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void aDemoThatCannotStartIsASentenceNotACrash(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.network().start());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.network().phaseProperty().get() == NetworkPhase.FAILED));
        String problem = onFx(() -> wiring.network().problemProperty().get());
        assertFalse(problem.isBlank());
        assertTrue(problem.contains("blobs"), problem);
        assertEquals(problem, onFx(() -> wiring.notices().messageProperty().get()));
        EmptyState empty = robot.lookup("#emptyState").queryAs(EmptyState.class);
        assertTrue(empty.isVisible());
        assertEquals("The network could not start", empty.getTitle());
        assertEquals(problem, empty.getText());
        assertEquals(ChainState.FAILED, onFx(() -> wiring.statusBar().chainProperty().get()));
        assertTrue(onFx(() -> stage.isShowing()));
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.chain.proof.Checkpoint;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings → Network → Custom endpoints → Checkpoints: a line that is not N:0xHASH, or one block pinned to two
 * hashes, is a sentence naming the line and nothing is saved; good checkpoints are saved in the network's profile
 * (each once, lower case) and are the checkpoints the desktop's sync links its headers to.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkCheckpointSettingsTest {

    private static final String HASH = "0x" + "Ab".repeat(32);
    private static final String OTHER = "0x" + "cd".repeat(32);

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setHeight(1000);
        wiring.main().open(View.SETTINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    private void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    private void apply(FxRobot robot) {
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
    }

    @Test
    void badCheckpointsAreSentencesAndGoodOnesAreSavedAndUsedBySync(FxRobot robot) throws Exception {
        Path file = dataDir.resolve(NetworkConfigStore.FILE_NAME);
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        robot.interact(() -> robot.lookup("#customMode").queryAs(ToggleButton.class).fire());
        type(robot, "#rpcUrls", "http://127.0.0.1:" + dead);
        type(robot, "#teeRegistry", "0x" + "ab".repeat(20));
        Label problems = robot.lookup("#networkProblems").queryAs(Label.class);

        type(robot, "#checkpoints", "12:0xab");
        apply(robot);
        assertEquals("Checkpoints: \u201c12:0xab\u201d is not N:0xHASH (a block number, a colon, then the block hash as "
                + "0x and 64 hex digits).", onFx(problems::getText));
        assertTrue(robot.lookup("#checkpoints").query().getStyleClass().contains("field-invalid"));

        type(robot, "#checkpoints", "5:" + HASH + "\n\n5:" + OTHER);
        apply(robot);
        assertEquals("Checkpoint 2: block 5 is pinned to two different hashes.", onFx(problems::getText));
        assertFalse(Files.exists(file), "nothing is saved while a checkpoint is wrong");

        type(robot, "#checkpoints", " 5 : " + HASH + "\n1200:" + OTHER + "\n5:" + HASH.toLowerCase());
        apply(robot);
        assertFalse(onFx(problems::isVisible), onFx(problems::getText));
        assertFalse(robot.lookup("#checkpoints").query().getStyleClass().contains("field-invalid"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.network().phaseProperty().get() == NetworkPhase.READY));
        List<String> expected = List.of("5:" + HASH.toLowerCase(), "1200:" + OTHER);
        assertEquals(expected, new NetworkConfigStore(file).read().orElseThrow().custom().checkpoints());

        SyncConfig sync = ChainNetworkSync.config(onFx(() -> wiring.network().endpointsProperty().get()), false);
        assertEquals(List.of(new Checkpoint(5, HASH), new Checkpoint(1200, OTHER)), sync.checkpoints());
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.shell.SyncState;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switching networks from Settings (issue 16, item 10): a demo that could not start leaves no banner behind once
 * another network is connected; Apply on the demo is a real retry that starts it; while the demo restarts the status
 * bar does not keep the old network's "Up to date · block N".
 */
@ExtendWith(ApplicationExtension.class)
class NetworkSwitchTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        new NetworkConfigStore(dataDir.resolve(NetworkConfigStore.FILE_NAME))
                .write(NetworkConfig.FIRST_RUN.withDemoInferences(12));
        Files.createDirectories(dataDir.resolve("demo"));
        // the devnet's blob folder is taken by a file: the demo cannot start until it is removed
        Files.writeString(dataDir.resolve("demo").resolve("blobs"), "not a folder");
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

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private void apply(FxRobot robot) {
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
    }

    @Test
    @DisplayName("a failed demo's banner goes once elsewhere is connected; Apply restarts the demo; no stale sync line")
    void switchingNetworks(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.network().start());
        waitFor(120, () -> wiring.network().phaseProperty().get() == NetworkPhase.FAILED);
        String problem = onFx(() -> wiring.notices().messageProperty().get());
        assertTrue(problem.startsWith("The demo network could not start"), problem);

        // Apply as a retry while the cause is still there: it runs again and Settings says why it failed again
        apply(robot);
        Label status = robot.lookup("#networkStatus").queryAs(Label.class);
        waitFor(120, () -> status.getText().equals("Not connected: " + problem));

        // another network: the demo's failure is no longer news
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        robot.interact(() -> {
            robot.lookup("#customMode").queryAs(ToggleButton.class).fire();
            robot.lookup("#rpcUrls").queryAs(TextInputControl.class).setText("http://127.0.0.1:" + dead);
            robot.lookup("#teeRegistry").queryAs(TextInputControl.class).setText("0x" + "ab".repeat(20));
        });
        apply(robot);
        waitFor(20, () -> wiring.network().phaseProperty().get() == NetworkPhase.READY);
        assertEquals("", onFx(() -> wiring.notices().messageProperty().get()), "the demo's banner is gone");

        // the obstacle removed, Apply on the demo starts it for real
        Files.delete(dataDir.resolve("demo").resolve("blobs"));
        robot.interact(() -> robot.lookup("#demoMode").queryAs(ToggleButton.class).fire());
        apply(robot);
        waitFor(180, () -> wiring.network().phaseProperty().get() == NetworkPhase.READY
                && wiring.network().demo() != null);
        Devnet first = onFx(() -> wiring.network().demo());
        waitFor(10, () -> status.getText().startsWith("Connected to demo (http://127.0.0.1:"));
        waitFor(120, () -> wiring.statusBar().syncProperty().get() == SyncState.UP_TO_DATE);
        assertTrue(onFx(() -> wiring.statusBar().syncText().get()).startsWith("Up to date \u00b7 block "));

        // Apply again restarts it: the old "up to date" line goes while the new demo starts
        apply(robot);
        waitFor(20, () -> wiring.network().phaseProperty().get() == NetworkPhase.STARTING);
        assertEquals(SyncState.IDLE, onFx(() -> wiring.statusBar().syncProperty().get()));
        assertFalse(onFx(() -> wiring.statusBar().syncText().get()).contains("block"),
                onFx(() -> wiring.statusBar().syncText().get()));
        waitFor(180, () -> wiring.network().phaseProperty().get() == NetworkPhase.READY
                && wiring.network().demo() != null);
        assertNotSame(first, onFx(() -> wiring.network().demo()), "a new demo network was started");
        waitFor(120, () -> wiring.statusBar().syncProperty().get() == SyncState.UP_TO_DATE);
    }
}

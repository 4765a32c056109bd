package io.proofdesk.ui.network;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.UiPreferencesStore;
import io.proofdesk.ui.common.View;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
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
 * The Network view's first-run card: shown on a fresh data folder (the demo is what the user looks at), it opens
 * Settings with OpenGradient's devnet filled in but not applied, and "Keep the demo" puts it away for good (also after
 * a restart). A data folder whose network was chosen never shows it.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunCardTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    /** One app run on {@link #dataDir}, showing the Network view (the network itself is not started). */
    private void run(FxRobot robot) {
        robot.interact(() -> {
            try {
                wiring = new AppWiring(new DataDirectory(dataDir));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setHeight(1000);
            wiring.main().open(View.NETWORK);
        });
    }

    private void quit(FxRobot robot) {
        if (wiring != null) {
            robot.interact(() -> {
                stage.hide();
                wiring.close(); // flushes the preferences writer
            });
            wiring = null;
        }
    }

    @AfterEach
    void close(FxRobot robot) {
        quit(robot);
    }

    private static boolean cardShown(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#firstRunCard").query().isVisible());
    }

    @Test
    void aFreshDataFolderShowsTheCardAndKeepTheDemoPutsItAwayForGood(FxRobot robot) throws Exception {
        run(robot);
        assertTrue(cardShown(robot), "a fresh data folder shows the first-run card");
        assertEquals(NetworkMode.DEMO, onFx(() -> wiring.network().configProperty().get().mode()),
                "the demo stays the network of a first run");

        robot.interact(() -> robot.lookup("#keepDemo").queryButton().fire());
        assertFalse(cardShown(robot));
        quit(robot);
        assertTrue(Files.readString(dataDir.resolve(UiPreferencesStore.FILE_NAME))
                .contains("network.firstRunCard.dismissed=true"));
        assertFalse(Files.exists(dataDir.resolve(NetworkConfigStore.FILE_NAME)), "keeping the demo saves no network");

        run(robot);
        assertFalse(cardShown(robot), "not after a restart either");
    }

    @Test
    void auditOpenGradientFillsSettingsWithoutApplyingAndApplyEndsTheFirstRun(FxRobot robot) throws Exception {
        run(robot);
        robot.interact(() -> robot.lookup("#auditOpenGradient").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(View.SETTINGS, onFx(() -> wiring.main().current()));
        assertTrue(onFx(() -> robot.lookup("#customMode").queryAs(ToggleButton.class).isSelected()));
        assertTrue(onFx(() -> robot.lookup("#headerCosmos").queryAs(ToggleButton.class).isSelected()));
        assertEquals("https://ogevmdevnet.opengradient.ai",
                onFx(() -> robot.lookup("#rpcUrls").queryAs(TextInputControl.class).getText()));
        assertEquals("10740", onFx(() -> robot.lookup("#chainId").queryAs(TextInputControl.class).getText()));
        assertEquals("0x8383c9bd7462f12eb996dd02f78234c0421a6fae",
                onFx(() -> robot.lookup("#inference").queryAs(TextInputControl.class).getText()));
        assertFalse(Files.exists(dataDir.resolve(NetworkConfigStore.FILE_NAME)), "not applied before Apply");
        assertEquals(NetworkMode.DEMO, onFx(() -> wiring.network().configProperty().get().mode()));

        robot.interact(() -> wiring.main().open(View.NETWORK));
        assertTrue(cardShown(robot), "looking is not choosing: the card stays until a network is applied");

        // Apply with an endpoint nobody serves keeps the test off the internet; what matters is that a network is chosen
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        robot.interact(() -> robot.lookup("#rpcUrls").queryAs(TextInputControl.class).setText("http://127.0.0.1:1"));
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.exists(dataDir.resolve(NetworkConfigStore.FILE_NAME)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> !wiring.network().firstRunProperty().get()));
        NetworkConfig saved = new NetworkConfigStore(dataDir.resolve(NetworkConfigStore.FILE_NAME)).read()
                .orElseThrow();
        assertEquals(NetworkMode.CUSTOM, saved.mode());
        assertEquals("cosmos-evm", saved.custom().headerFormat().key());
        assertEquals(java.util.List.of("0x00000000000000000000000000000000000000f4"),
                saved.custom().contracts().precompile(), "the precompile is kept in the applied profile");
        robot.interact(() -> wiring.main().open(View.NETWORK));
        assertFalse(cardShown(robot), "a chosen network ends the first run");
        quit(robot);

        run(robot);
        assertFalse(cardShown(robot), "a data folder with network.json is not a first run");
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.shell.ChainState;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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
 * Settings → Network → Custom endpoints: a bad URL is a sentence and nothing is saved; good endpoints are saved to
 * network.json and the Network view probes them, here an RPC endpoint nobody listens on, shown as an error with
 * its reason.
 */
@ExtendWith(ApplicationExtension.class)
class CustomNetworkSettingsTest {

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

    @Test
    void badUrlsAreSentencesAndGoodEndpointsAreSavedAndProbed(FxRobot robot) throws Exception {
        Path file = dataDir.resolve(NetworkConfigStore.FILE_NAME);
        robot.interact(() -> robot.lookup("#customMode").queryAs(javafx.scene.control.ToggleButton.class).fire());
        type(robot, "#rpcUrls", "ftp://rpc.example.org");
        type(robot, "#teeRegistry", "0x" + "ab".repeat(20));
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        Label problems = robot.lookup("#networkProblems").queryAs(Label.class);
        assertEquals("RPC URLs: \u201cftp://rpc.example.org\u201d uses ftp; only http:// and https:// are supported.",
                onFx(problems::getText));
        assertTrue(onFx(problems::isVisible));
        assertTrue(robot.lookup("#rpcUrls").query().getStyleClass().contains("field-invalid"));
        assertFalse(Files.exists(file), "nothing is saved while the form is wrong");

        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        String rpc = "http://127.0.0.1:" + dead;
        type(robot, "#rpcUrls", rpc);
        type(robot, "#chainId", "31337");
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        assertFalse(onFx(problems::isVisible));
        assertFalse(robot.lookup("#rpcUrls").query().getStyleClass().contains("field-invalid"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.network().phaseProperty().get() == NetworkPhase.READY));
        NetworkConfig saved = new NetworkConfigStore(file).read().orElseThrow();
        assertEquals(NetworkMode.CUSTOM, saved.mode());
        assertEquals(List.of(rpc), saved.custom().rpc());
        assertEquals(31337L, saved.custom().chainId());
        assertEquals(dataDir, wiring.store().location().path(), "a real network uses the main store");

        robot.interact(() -> wiring.main().open(View.NETWORK));
        assertFalse(robot.lookup("#demoBanner").query().isVisible());
        @SuppressWarnings("unchecked")
        TableView<EndpointRow> endpoints = robot.lookup("#endpointTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> endpoints.getItems().size() == 1 && endpoints.getItems().getFirst().ok() != null));
        EndpointRow row = onFx(() -> endpoints.getItems().getFirst());
        assertEquals(new EndpointRow("RPC", rpc, "31337", "", "", "", false, "Error: connection refused"), row);
        assertEquals(ChainState.FAILED, onFx(() -> wiring.statusBar().chainProperty().get()));
        assertEquals("Connection failed \u00b7 connection refused", onFx(() -> wiring.statusBar().chainText().get()));
    }

    @Test
    void filesTheNetworkNamesAreReadBeforeSavingAndAWrongOneIsASentence(FxRobot robot) throws Exception {
        Path file = dataDir.resolve(NetworkConfigStore.FILE_NAME);
        Label problems = robot.lookup("#networkProblems").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#customMode").queryAs(javafx.scene.control.ToggleButton.class).fire());
        type(robot, "#rpcUrls", "http://127.0.0.1:1");
        type(robot, "#teeRegistry", "0x" + "ab".repeat(20));
        Path missing = dataDir.resolve("roots").resolve("lab.pem");
        type(robot, "#trustRoots", missing.toString());
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(problems::isVisible));
        assertEquals("Trust root " + missing + " cannot be used: no such file.", onFx(problems::getText));
        assertTrue(robot.lookup("#trustRoots").query().getStyleClass().contains("field-invalid"));

        Files.createDirectories(missing.getParent());
        Files.writeString(missing, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> problems.getText().contains("X.509")));
        assertTrue(onFx(problems::getText).startsWith("Trust root " + missing + " cannot be used: not an X.509 "
                + "certificate"), onFx(problems::getText));

        robot.interact(() -> robot.lookup("#devnetMode").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertFalse(onFx(problems::isVisible), "another choice starts without the last one's problems");
        Path devnet = dataDir.resolve("state").resolve("devnet.json");
        type(robot, "#devnetFile", devnet.toString());
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(problems::isVisible));
        assertEquals("The devnet manifest " + devnet + " cannot be used: no such file.", onFx(problems::getText));
        assertTrue(robot.lookup("#devnetFile").query().getStyleClass().contains("field-invalid"));
        assertFalse(Files.exists(file), "nothing is saved while a file the network names is wrong");
        assertEquals(NetworkPhase.NOT_CONFIGURED, onFx(() -> wiring.network().phaseProperty().get()));
    }
}

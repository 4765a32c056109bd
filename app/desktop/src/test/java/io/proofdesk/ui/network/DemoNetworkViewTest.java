package io.proofdesk.ui.network;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.shell.ChainState;
import io.proofdesk.ui.shell.SyncState;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's wiring starts a real, small demo network (60 inferences, set through network.json as a user would),
 * and the Network view shows it: the DEMO NETWORK badge, the endpoints with chain 31337 and a head block, the nodes.
 * One devnet start for the whole class.
 */
@ExtendWith(ApplicationExtension.class)
class DemoNetworkViewTest {

    static final int DEMO_SIZE = 60;

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        new NetworkConfigStore(dataDir.resolve(NetworkConfigStore.FILE_NAME))
                .write(NetworkConfig.FIRST_RUN.withDemoInferences(DEMO_SIZE));
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
        assertNull(wiring.network().demo(), "closing the app closes the demo network");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoStartsFromTheWiringAndTheNetworkViewShowsIt(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "nothing is shown before the network starts");
        robot.interact(() -> wiring.network().start());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.network().phaseProperty().get() == NetworkPhase.STARTING));
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "the empty state stays while the demo starts");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.network().phaseProperty().get() != NetworkPhase.STARTING));
        assertEquals(NetworkPhase.READY, onFx(() -> wiring.network().phaseProperty().get()),
                onFx(() -> wiring.network().problemProperty().get()));

        // the demo's records go to their own store, never the main one
        assertEquals(dataDir.resolve("demo").resolve("store"), wiring.store().location().path());
        assertTrue(Files.exists(dataDir.resolve("demo").resolve("devnet.json")));

        assertFalse(robot.lookup("#emptyState").query().isVisible());
        assertTrue(robot.lookup("#demoBanner").query().isVisible());
        assertEquals("DEMO NETWORK", robot.lookup("#demoBadge").queryLabeled().getText());

        TableView<EndpointRow> endpoints = robot.lookup("#endpointTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> onFx(() -> !endpoints.getItems().isEmpty() && endpoints.getItems().getFirst().ok() != null));
        EndpointRow rpc = onFx(() -> endpoints.getItems().getFirst());
        assertEquals("RPC", rpc.kind());
        assertEquals(wiring.network().demo().manifest().rpcUrl(), rpc.url());
        assertEquals("31337", rpc.chainId());
        assertTrue(Long.parseLong(rpc.head().replace(",", "")) > 0, "head block " + rpc.head());
        assertEquals(Boolean.TRUE, rpc.ok(), rpc.state());
        assertEquals(List.of("RPC", "Model hub", "Blob store"),
                onFx(() -> endpoints.getItems().stream().map(EndpointRow::kind).toList()));

        TableView<NodeRow> nodes = robot.lookup("#nodeTable").queryAs(TableView.class);
        List<String> teeIds = wiring.network().demo().manifest().nodes().stream().map(n -> n.teeId()).toList();
        assertEquals(8, teeIds.size());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> nodes.getItems().size() >= teeIds.size()
                && nodes.getItems().stream().allMatch(n -> n.healthy() != null)));
        assertTrue(onFx(() -> nodes.getItems().stream().map(NodeRow::teeId).toList()).containsAll(teeIds));
        assertTrue(onFx(() -> nodes.getItems().stream().allMatch(n -> Boolean.TRUE.equals(n.healthy()))),
                "every demo node answers /health");

        assertEquals(ChainState.DEMO, onFx(() -> wiring.statusBar().chainProperty().get()));
        assertTrue(onFx(() -> wiring.statusBar().chainText().get()).startsWith("Demo network · chain 31337 · block "),
                onFx(() -> wiring.statusBar().chainText().get()));

        // the app syncs the demo into its store on its own; then the registry and the history are there
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> onFx(() -> wiring.statusBar().syncProperty().get() != SyncState.SYNCING
                        && wiring.statusBar().syncProperty().get() != SyncState.IDLE));
        assertEquals(SyncState.UP_TO_DATE, onFx(() -> wiring.statusBar().syncProperty().get()),
                onFx(() -> wiring.statusBar().syncText().get()));
        robot.interact(() -> wiring.network().monitor().probeNow());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> "in sync".equals(endpoints.getItems().getFirst().lag())
                && nodes.getItems().stream().noneMatch(n -> n.pcr() == StoreFacts.PcrStatus.UNKNOWN)));
        for (var n : wiring.network().demo().manifest().nodes()) {
            NodeRow row = onFx(() -> nodes.getItems().stream().filter(r -> r.teeId().equals(n.teeId())).findFirst()
                    .orElseThrow());
            assertEquals(n.url(), row.endpoint());
            assertEquals(n.behaviour().equals("unapproved-pcr") ? "Revoked" : "Approved", row.pcrText(),
                    n.behaviour() + " node " + n.url());
        }

        robot.interact(() -> wiring.main().open(View.INFERENCES));
        int expected = wiring.network().demo().manifest().inferences();
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> count.getText().startsWith(expected + " inferences")));
        assertEquals(DEMO_SIZE, expected);
    }
}

package io.proofdesk.ui.verify;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.FxWait;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.network.NetworkConfig;
import io.proofdesk.ui.network.NetworkConfigStore;
import io.proofdesk.ui.network.NetworkMode;
import io.proofdesk.ui.network.NetworkPhase;
import io.proofdesk.ui.shell.ChainState;
import io.proofdesk.ui.shell.SyncState;
import io.proofdesk.verify.NetworkSources;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desktop audits a network that is not its own demo: a second demo network (a real devnet with anvil, hub, blob
 * store and TEE nodes, some dishonest) is typed into Settings → Custom endpoints with its demo root as an extra trust
 * root, synced, verified in full and re-executed, and every verdict is scored against the devnet's ground truth. Then
 * the same devnet is imported from its devnet.json.
 */
@ExtendWith(ApplicationExtension.class)
class CustomEndpointsVerificationTest {

    @TempDir
    static Path dir;
    static Devnet devnet;

    private AppWiring wiring;
    private Stage stage;

    @BeforeAll
    static void secondNetwork() throws Exception {
        devnet = Devnet.start(new DevnetConfig(40, 0.25, 11, dir.resolve("devnet")), SeedProgress.NONE);
        Files.writeString(dir.resolve("demo-root.pem"), devnet.manifest().attestationRootPem());
    }

    @AfterAll
    static void stopNetwork() {
        devnet.close();
    }

    @Start
    void start(Stage primary) throws Exception {
        wiring = new AppWiring(new DataDirectory(dir.resolve("data")));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Types into a field as a user does: focus it, clear it, type the text key by key. */
    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, field.getText(), id);
    }

    /** Leaves a record's detail for the Inferences table, as its Back button does. */
    private void back(FxRobot robot) {
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        robot.interact(() -> robot.lookup("#backButton").queryButton().fire());
    }

    @Test
    @DisplayName("custom endpoints of a second demo network: sync, verify all, re-execute; verdicts match its ground truth")
    void customEndpointsAreAudited(FxRobot robot) throws Exception {
        // nothing connected yet: verification says so in a sentence
        waitFor(20, () -> wiring.store().isOpen());
        robot.interact(() -> wiring.verification().runBatch(BatchRequest.all()));
        waitFor(20, () -> !wiring.notices().messageProperty().get().isEmpty());
        assertEquals("There is no network to verify against: start the demo network or add the network's endpoints "
                + "first.", FxWait.onFx(() -> wiring.notices().messageProperty().get()));

        DevnetManifest m = devnet.manifest();
        Map<String, String> c = m.contracts();
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        robot.interact(() -> robot.lookup("#customMode").queryAs(javafx.scene.control.ToggleButton.class).fire());
        type(robot, "#networkName", "second demo");
        type(robot, "#rpcUrls", m.rpcUrl());
        type(robot, "#chainId", Long.toString(m.chainId()));
        type(robot, "#hubUrl", m.hubUrl());
        type(robot, "#blobStoreUrl", m.blobStoreUrl());
        type(robot, "#nodeUrls", m.nodes().get(0).url() + "\n" + m.nodes().get(1).url());
        type(robot, "#teeRegistry", c.get(DevnetManifest.TEE_REGISTRY));
        type(robot, "#settlementRelay", c.get(DevnetManifest.SETTLEMENT_RELAY));
        type(robot, "#inference", c.get(DevnetManifest.INFERENCE) + "\n" + c.get(DevnetManifest.INFERENCE_JSONS));
        type(robot, "#explorerUrl", "https://explorer.example.org");
        type(robot, "#trustRoots", dir.resolve("demo-root.pem").toString());
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        waitFor(30, () -> wiring.network().phaseProperty().get() == NetworkPhase.READY);
        waitFor(10, () -> robot.lookup("#networkStatus").queryAs(Label.class).getText()
                .equals("Connected to second demo (" + m.rpcUrl() + ")."));

        NetworkConfig saved = new NetworkConfigStore(dir.resolve("data").resolve(NetworkConfigStore.FILE_NAME))
                .read().orElseThrow();
        assertEquals(NetworkMode.CUSTOM, saved.mode());
        assertEquals(List.of(c.get(DevnetManifest.INFERENCE), c.get(DevnetManifest.INFERENCE_JSONS)),
                saved.custom().contracts().inference());
        assertEquals(List.of(dir.resolve("demo-root.pem").toString()), saved.custom().trustRoots());
        var ep = FxWait.onFx(() -> wiring.network().endpointsProperty().get());
        assertFalse(ep.demo(), "typed endpoints are not the demo network, even when they point at one");
        assertEquals("https://explorer.example.org", ep.explorerUrl());
        assertTrue(NetworkSources.roots(ep.profile()).roots().get(1).label()
                .startsWith("Root added for the network second demo"), "the extra root is labelled with the network");

        robot.interact(() -> wiring.main().open(View.NETWORK));
        assertFalse(robot.lookup("#demoBanner").query().isVisible());
        robot.interact(() -> robot.lookup("#syncButton").queryButton().fire());
        waitFor(120, () -> wiring.statusBar().syncProperty().get() == SyncState.UP_TO_DATE);
        assertEquals(ChainState.CONNECTED, FxWait.onFx(() -> wiring.statusBar().chainProperty().get()));

        robot.interact(() -> wiring.main().open(View.VERIFY));
        robot.interact(() -> robot.lookup("#verifyAllRun").queryButton().fire());
        waitFor(180, () -> wiring.verification().lastRunProperty().get() != null);
        BatchRun run = FxWait.onFx(() -> wiring.verification().lastRunProperty().get());
        assertEquals("second demo (" + m.rpcUrl() + ")", run.network());
        GroundTruth truth = devnet.groundTruth();
        assertEquals(truth.records().size(), run.summary().verified(), "every record was verified");

        RecordId forged = null;
        RecordId honestTee = null;
        List<String> wrong = new ArrayList<>();
        Store store = wiring.store().store();
        for (GroundTruth.Entry e : truth.records()) {
            RecordId id = RecordId.parse(e.id());
            VerdictRecord v = store.read(tx -> tx.latestVerdict(id)).orElseThrow();
            InferenceMode mode = store.read(tx -> tx.loadInference(id)).orElseThrow().mode();
            Verdict expected = !e.honest() ? Verdict.MISMATCH
                    : mode == InferenceMode.ZKML ? Verdict.UNVERIFIED : Verdict.VERIFIED;
            if (v.verdict() != expected) {
                wrong.add(e.id() + " " + (e.fault() == null ? "honest" : e.fault().label()) + " " + mode + ": "
                        + v.verdict() + " (" + v.reason() + ")");
            }
            if (e.fault() == Fault.FORGED_OUTPUT && forged == null) {
                forged = id;
            }
            if (e.honest() && mode == InferenceMode.TEE && honestTee == null) {
                honestTee = id;
            }
        }
        assertEquals(List.of(), wrong, "verdicts that disagree with the ground truth");
        assertTrue(forged != null && honestTee != null, "the devnet seeded a forged and an honest TEE record");

        VerificationViewTest.openDetail(robot, wiring, forged);
        VerificationViewTest.reexecute(robot);
        Label word = robot.lookup("#bannerWord").queryAs(Label.class);
        waitFor(10, () -> word.getText().equals("Mismatch") && !robot.lookup(".comparison-table").queryAll().isEmpty());
        assertTrue(wiring.verification().service().outcome(forged).isPresent(), "the local output is shown");

        back(robot);
        VerificationViewTest.openDetail(robot, wiring, honestTee);
        VerificationViewTest.reexecute(robot);
        waitFor(10, () -> word.getText().equals("Verified"));
        RecordId honest = honestTee;
        assertEquals(Verdict.VERIFIED, store.read(tx -> tx.latestVerdict(honest)).orElseThrow().verdict());

        // the same devnet imported from its devnet.json: a demo network, its root trusted as the demo root
        robot.interact(() -> wiring.main().open(View.SETTINGS));
        robot.interact(() -> robot.lookup("#devnetMode").queryAs(javafx.scene.control.ToggleButton.class).fire());
        type(robot, "#devnetFile", dir.resolve("devnet").resolve(DevnetManifest.FILE_NAME).toString());
        robot.interact(() -> robot.lookup("#applyNetwork").queryButton().fire());
        waitFor(30, () -> wiring.network().phaseProperty().get() == NetworkPhase.READY
                && wiring.network().endpointsProperty().get().demo());
        robot.interact(() -> wiring.main().open(View.NETWORK));
        assertTrue(robot.lookup("#demoBanner").query().isVisible());
        assertTrue(robot.lookup("#demoExplanation").queryAs(Label.class).getText().contains("imported from its "
                + "devnet.json"));
        back(robot);
        VerificationViewTest.openDetail(robot, wiring, forged);
        VerificationViewTest.reexecute(robot);
        waitFor(10, () -> word.getText().equals("Mismatch"));
        back(robot);
        VerificationViewTest.openDetail(robot, wiring, honestTee);
        VerificationViewTest.reexecute(robot);
        waitFor(10, () -> word.getText().equals("Verified"));
    }
}

package io.proofdesk.ui.settings;

import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.NetworkProfileJson;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.network.NetworkConfigStore;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings → Network → Custom endpoints starts from a built-in network or a profile file and saves the form as a
 * profile file: every field is filled (header format and inference precompile included), a malformed file is a
 * sentence under the form, and a saved file reads back as the same profile. Nothing is applied on the way.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkProfileSettingsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private AppWiring wiring;
    private Stage stage;
    private final List<Path> answers = new ArrayList<>();
    private final List<String> suggestedNames = new ArrayList<>();

    @Start
    void start(Stage primary) throws IOException {
        wiring = new AppWiring(new DataDirectory(dataDir));
        wiring.useProfileFilePicker(new ProfileFilePicker() {
            @Override
            public Path open(Window owner, String title, String filter) {
                return answers.removeFirst();
            }

            @Override
            public Path save(Window owner, String title, String filter, String suggestedName) {
                suggestedNames.add(suggestedName);
                return answers.removeFirst();
            }
        });
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

    private static String text(FxRobot robot, String id) throws Exception {
        TextInputControl input = robot.lookup(id).queryAs(TextInputControl.class);
        return onFx(input::getText);
    }

    private static void startFrom(FxRobot robot, String itemId) {
        MenuButton menu = robot.lookup("#startFrom").queryAs(MenuButton.class);
        robot.interact(() -> menu.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + itemId + " in Start from")).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean selected(FxRobot robot, String id) throws Exception {
        ToggleButton b = robot.lookup(id).queryAs(ToggleButton.class);
        return onFx(b::isSelected);
    }

    @Test
    void startFromOpenGradientDevnetFillsEveryCustomFieldWithoutApplying(FxRobot robot) throws Exception {
        MenuButton menu = robot.lookup("#startFrom").queryAs(MenuButton.class);
        assertEquals(List.of("OpenGradient devnet (chain 10740)", "", "Load a profile file\u2026"),
                onFx(() -> menu.getItems().stream().map(MenuItem::getText).map(t -> t == null ? "" : t).toList()));
        assertTrue(selected(robot, "#demoMode"), "a fresh data folder starts on the demo");
        assertTrue(selected(robot, "#headerEthereum"), "an empty custom network has Ethereum headers");

        startFrom(robot, "startFrom-opengradient-devnet");
        assertTrue(selected(robot, "#customMode"), "Start from chooses Custom endpoints");
        assertTrue(robot.lookup("#customFields").query().isVisible());
        assertEquals("opengradient-devnet", text(robot, "#networkName"));
        assertEquals("https://ogevmdevnet.opengradient.ai", text(robot, "#rpcUrls"));
        assertEquals("10740", text(robot, "#chainId"));
        assertTrue(selected(robot, "#headerCosmos"), "OpenGradient's headers are cosmos-evm");
        assertFalse(selected(robot, "#headerEthereum"));
        assertEquals("0x8383c9bd7462f12eb996dd02f78234c0421a6fae", text(robot, "#inference"));
        assertEquals("0x00000000000000000000000000000000000000f4", text(robot, "#precompile"));
        assertEquals("0x703cb174aeadb35d611858369b4b1111dc9abda6", text(robot, "#teeRegistry"));
        assertEquals("", text(robot, "#settlementRelay"), "the relay's address is not published");
        assertEquals("https://api.opengradient.ai", text(robot, "#hubUrl"));
        assertEquals("https://aggregator.suicore.com", text(robot, "#blobStoreUrl"));
        assertEquals("https://explorer.opengradient.ai", text(robot, "#explorerUrl"));
        Label status = robot.lookup("#networkStatus").queryAs(Label.class);
        assertEquals("Filled from OpenGradient devnet (chain 10740). Check the fields, then Apply.",
                onFx(status::getText));
        assertFalse(Files.exists(dataDir.resolve(NetworkConfigStore.FILE_NAME)), "nothing is applied before Apply");

        // the header format is the user's to change, and what the form keeps
        robot.interact(() -> robot.lookup("#headerEthereum").queryAs(ToggleButton.class).fire());
        Path saved = files.resolve("og-ethereum.json");
        answers.add(saved);
        robot.interact(() -> robot.lookup("#saveProfile").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved));
        assertEquals("ethereum", NetworkProfileJson.read(saved).headerFormat().key());
    }

    @Test
    void saveAsWritesAProfileThatReadsBackEqual(FxRobot robot) throws Exception {
        NetworkProfile og = BuiltInNetworks.named(BuiltInNetworks.OPENGRADIENT_DEVNET).orElseThrow().profile();
        startFrom(robot, "startFrom-opengradient-devnet");
        Path file = files.resolve("profiles").resolve("og.json");
        answers.add(file);
        robot.interact(() -> robot.lookup("#saveProfile").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        assertEquals(List.of("opengradient-devnet.json"), suggestedNames);
        assertEquals(og, NetworkProfileJson.read(file), "the built-in profile, through the form and back");
        Label status = robot.lookup("#networkStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> status.getText().startsWith("Saved")));
        assertEquals("Saved this network as the profile " + file + ".", onFx(status::getText));

        // a form that is wrong is not saved, and says why
        robot.interact(() -> robot.lookup("#rpcUrls").queryAs(TextInputControl.class).setText("ws://rpc.example.org"));
        robot.interact(() -> robot.lookup("#saveProfile").queryButton().fire());
        Label problems = robot.lookup("#networkProblems").queryAs(Label.class);
        assertEquals("RPC URLs: \u201cws://rpc.example.org\u201d uses ws; only http:// and https:// are supported.",
                onFx(problems::getText));
        assertTrue(answers.isEmpty() && suggestedNames.size() == 1, "no file dialog for a wrong form");
    }

    @Test
    void aProfileFileFillsTheFormAndAMalformedOneSaysWhy(FxRobot robot) throws Exception {
        Path lab = files.resolve("lab.json");
        Files.writeString(lab, """
                {"name": "lab", "chainId": 4242, "rpc": ["https://rpc-a.example.org", "https://rpc-b.example.org"],
                 "headerFormat": "cosmos-evm", "hub": "https://hub.example.org",
                 "nodes": ["https://node-1.example.org"],
                 "contracts": {"inference": ["0x%s"], "precompile": ["0x%s"], "relay": ["0x%s"]},
                 "fromBlock": 1200}
                """.formatted("11".repeat(20), "22".repeat(20), "33".repeat(20)));
        answers.add(lab);
        startFrom(robot, "loadProfile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "lab".equals(text(robot, "#networkName")));
        assertTrue(selected(robot, "#customMode"));
        assertEquals("https://rpc-a.example.org\nhttps://rpc-b.example.org", text(robot, "#rpcUrls"));
        assertEquals("4242", text(robot, "#chainId"));
        assertTrue(selected(robot, "#headerCosmos"));
        assertEquals("https://hub.example.org", text(robot, "#hubUrl"));
        assertEquals("https://node-1.example.org", text(robot, "#nodeUrls"));
        assertEquals("0x" + "11".repeat(20), text(robot, "#inference"));
        assertEquals("0x" + "22".repeat(20), text(robot, "#precompile"));
        assertEquals("0x" + "33".repeat(20), text(robot, "#settlementRelay"));
        assertEquals("", text(robot, "#teeRegistry"));
        assertEquals("1200", text(robot, "#fromBlock"));
        Label status = robot.lookup("#networkStatus").queryAs(Label.class);
        assertEquals("Filled from lab.json. Check the fields, then Apply.", onFx(status::getText));

        Path bad = files.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"lab\", \"rpc\": [\"ws://b.example\"]}");
        answers.add(bad);
        startFrom(robot, "loadProfile");
        Label problems = robot.lookup("#networkProblems").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(problems::isVisible));
        assertEquals("Profile not loaded: " + bad + ": rpc[0]: \u201cws://b.example\u201d uses ws; only http:// and "
                + "https:// are supported.", onFx(problems::getText));
        assertEquals("lab", text(robot, "#networkName"), "a file that cannot be used changes nothing");

        Path notJson = files.resolve("notes.json");
        Files.writeString(notJson, "name: lab");
        answers.add(notJson);
        startFrom(robot, "loadProfile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(problems::getText).startsWith("Profile not loaded: " + notJson + ": not JSON ("));
        assertFalse(onFx(problems::getText).contains("\tat "), "never a stack trace");

        Path missing = files.resolve("missing.json");
        answers.add(missing);
        startFrom(robot, "loadProfile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(problems::getText).equals(
                "Profile not loaded: " + missing + ": no such file."));
        assertFalse(Files.exists(dataDir.resolve(NetworkConfigStore.FILE_NAME)));
    }
}

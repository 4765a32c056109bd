package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An LLM record's detail over a real store: the request (indented JSON) and the response text stand where an ONNX
 * record's tensor tables stand, and the reexecution line reads "Not applicable — LLM output: not re-executable"
 * under a VERIFIED verdict. An ONNX record opened next shows its tensor tables again and no chat.
 */
@ExtendWith(ApplicationExtension.class)
class LlmRecordDetailTest {

    private static final String RESPONSE = "The leaf was in the tree whose root was settled.";
    private static final String REQUEST = "{\"model\":\"demo-chat-1\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What does a Merkle batch prove?\"}],\"temperature\":0.0}";

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private RecordId llm;
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    @Start
    void start(Stage primary) throws IOException {
        List<Inference> onnx = new DemoStore(5).populate(new DataDirectory(dataDir), 3);
        llm = RecordId.of("0x" + "7e".repeat(32), 4);
        ChatText chat = new ChatText(REQUEST, RESPONSE);
        Inference record = new Inference(llm, InferenceMode.TEE, "demo-chat-1", null, "0x" + "11".repeat(32), null,
                SettlementKind.INDIVIDUAL, onnx.getLast().blockNumber() + 5, Instant.parse("2025-06-03T08:00:00Z"),
                "0x" + "22".repeat(20), "0x" + "33".repeat(32), "0x" + "44".repeat(32), null, "blobLLM", null,
                List.of(), List.of(chat.requestTensor()), List.of(chat.responseTensor()), null);
        try (Store store = Store.open(new DataDirectory(dataDir))) {
            store.inTransaction(tx -> {
                tx.saveInferences(List.of(record));
                tx.saveVerdict(new VerdictRecord(llm, Verdict.VERIFIED, "all 5 applicable checks passed",
                        record.timestamp().plusSeconds(60), null, List.of(CheckResult.pass("signature"),
                        new CheckResult("reexecution", CheckStatus.NOT_APPLICABLE, "LLM output: not re-executable",
                                null))));
            });
        }
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(1280);
        stage.setHeight(800);
        wiring.main().open(View.INFERENCES);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void theDetailShowsTheRequestAndResponseText(FxRobot robot) throws Exception {
        open(robot, llm);
        TextArea request = robot.lookup("#chatRequest").queryAs(TextArea.class);
        TextArea response = robot.lookup("#chatResponse").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> response.getText().equals(RESPONSE)));
        String shown = onFx(request::getText);
        assertTrue(shown.contains("\"content\" : \"What does a Merkle batch prove?\""), shown);
        assertTrue(shown.contains("\n"), "the request is indented JSON: " + shown);
        assertTrue(onFx(() -> robot.lookup("#chatCard").query().isVisible()));
        assertFalse(onFx(() -> robot.lookup("#tensorRow").query().isVisible()), "no tensor tables for a chat");
        assertFalse(onFx(() -> robot.lookup("#reexecuteCard").query().isVisible()), "nothing to re-execute");
        assertFalse(onFx(() -> robot.lookup("#comparisonCard").query().isVisible()), "nothing to compare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> texts(robot).contains(
                strings.getString("check.status.NOT_APPLICABLE"))
                && texts(robot).contains("LLM output: not re-executable")));
        String shots = System.getProperty("proofdesk.screenshots.dir");
        if (shots != null) {
            // the screenshot set (ScreenshotsTest's folder) shows an LLM record's detail too
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#inferenceDetailView").query())
                    .setVvalue(1));
            WaitForAsyncUtils.waitForFxEvents();
            java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                    new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> image.set(stage.getScene().snapshot(null)));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                    Path.of(shots).resolve("32-llm-detail-light.png").toFile());
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#inferenceDetailView").query())
                    .setVvalue(0));
        }

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        RecordId other = onFx(() -> table(robot).getItems().stream().map(r -> r.inference().id())
                .filter(id -> !id.equals(llm)).findFirst().orElseThrow());
        open(robot, other);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                robot.lookup("#tensorRow").query().isVisible() && !robot.lookup("#chatCard").query().isVisible()
                        && robot.lookup("#reexecuteCard").query().isVisible()));
        assertEquals("", onFx(response::getText));
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private static TableView<InferenceRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private void open(FxRobot robot, RecordId id) throws Exception {
        TableView<InferenceRow> table = table(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() == 4
                && table.getItems().stream().noneMatch(InferenceRow::isLoading)));
        int index = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).inference().id().equals(id)) {
                    return i;
                }
            }
            throw new AssertionError("no row " + id);
        });
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        });
        robot.type(KeyCode.ENTER);
        TextField field = robot.lookup("#idField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> field.getText().equals(id.toString())));
    }
}

package io.proofdesk.ui.verify;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.FxWait;
import io.proofdesk.ui.VerificationWorld;
import io.proofdesk.ui.WindowFit;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.inferences.InferenceRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification UI over a real demo network (TEE nodes running ONNX Runtime and signing, blob store, hub) and a
 * real store: the detail of a forged record re-executed on this machine, the tolerance fields, and batch runs from
 * the Inferences and Verify views.
 */
@ExtendWith(ApplicationExtension.class)
class VerificationViewTest {

    @TempDir
    static Path dir;
    static VerificationWorld world;

    private AppWiring wiring;
    private Stage stage;

    @BeforeAll
    static void network() throws IOException {
        world = new VerificationWorld(dir);
    }

    @AfterAll
    static void stopNetwork() {
        world.close();
    }

    @Start
    void start(Stage primary) throws IOException {
        wiring = new AppWiring(world.dataDirectory(), world.endpoints());
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

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Opens a record's detail the way a user does: its row in Inferences, then Enter. */
    @SuppressWarnings("unchecked")
    static void openDetail(FxRobot robot, AppWiring wiring, RecordId id) throws Exception {
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        TableView<InferenceRow> table = robot.lookup("#table").queryAs(TableView.class);
        int[] index = {-1};
        waitFor(15, () -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                InferenceRow r = table.getItems().get(i);
                if (!r.isLoading() && r.inference().id().equals(id)) {
                    index[0] = i;
                    return true;
                }
            }
            return false;
        });
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index[0]);
        });
        robot.type(KeyCode.ENTER);
        Label word = robot.lookup("#bannerWord").queryAs(Label.class);
        waitFor(10, () -> word.getParent().getParent().getScene() != null && !word.getText().isEmpty()
                && robot.lookup("#idField").queryAs(TextField.class).getText().equals(id.toString()));
    }

    /** Clicks "Re-execute on this machine" and waits for the task to end. */
    static void reexecute(FxRobot robot) throws Exception {
        Node button = robot.lookup("#reexecuteButton").query();
        robot.interact(() -> ((javafx.scene.control.Button) button).fire());
        waitFor(60, () -> !button.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private VerdictRecord latest(RecordId id) {
        Store s = wiring.store().store();
        return s.read(tx -> tx.latestVerdict(id)).orElseThrow();
    }

    @Test
    @DisplayName("re-executing a forged record: mismatch banner, failing re-execution line, claimed vs local side by side")
    void forgedRecordShowsMismatch(FxRobot robot) throws Exception {
        openDetail(robot, wiring, world.forgedDigits);
        reexecute(robot);
        Label word = robot.lookup("#bannerWord").queryAs(Label.class);
        waitFor(10, () -> word.getText().equals("Mismatch")
                && !robot.lookup(".comparison-table").queryAll().isEmpty());
        Node banner = robot.lookup("#verdictBanner").query();
        assertTrue(onFx(() -> banner.getStyleClass().contains(VerdictKind.MISMATCH.styleClass())));
        assertTrue(onFx(() -> robot.lookup("#bannerFailing").queryAs(Label.class).getText()).contains("Re-execution"));
        // the failing line: glyph + word + colour, and its reason
        Node line = robot.lookup("#check-reexecution").query();
        VerdictBadge lineBadge = robot.from(line).lookup(".check-badge").queryAs(VerdictBadge.class);
        assertEquals(VerdictKind.MISMATCH, onFx(lineBadge::getKind));
        assertEquals("Fail", onFx(lineBadge::getText));
        String reason = onFx(() -> robot.from(line).lookup(".check-reason").queryAs(Label.class).getText());
        assertTrue(reason.contains("outside"), reason);
        // the signature and attestation of the forging node are fine: only re-execution catches it
        assertEquals(VerdictKind.VERIFIED, onFx(() -> robot.from(robot.lookup("#check-signature").<Node>query())
                .lookup(".check-badge").queryAs(VerdictBadge.class).getKind()));
        // side by side: the two swapped class scores differ, the others agree
        TableView<OutputComparison.ValueRow> values = robot.lookup(".comparison-table").queryAs(TableView.class);
        List<OutputComparison.ValueRow> rows = onFx(() -> List.copyOf(values.getItems()));
        assertEquals(10, rows.size(), "digits-cnn scores ten classes");
        List<OutputComparison.ValueRow> outside = rows.stream().filter(r -> !r.within()).toList();
        assertEquals(2, outside.size(), "the forger swapped two scores");
        assertEquals(outside.get(0).claimed(), outside.get(1).local());
        assertEquals(outside.get(1).claimed(), outside.get(0).local());
        assertNotEquals(outside.get(0).claimed(), outside.get(0).local());
        assertTrue(onFx(() -> robot.lookup(".comparison-stats").queryAs(Label.class).getText()).contains("2 of 10"));
        assertFalse(robot.lookup(".heatmap").queryAll().isEmpty(), "claimed, local and difference pictures");
        assertTrue(onFx(() -> robot.lookup("#attestationPanel").query().isVisible()),
                "the TEE's attestation (PCRs, chain) is shown");
        // saved, and the header's badge follows
        assertEquals(Verdict.MISMATCH, latest(world.forgedDigits).verdict());
        VerdictBadge header = robot.lookup("#verdictBadge").queryAs(VerdictBadge.class);
        waitFor(10, () -> header.getKind() == VerdictKind.MISMATCH);
    }

    @Test
    @DisplayName("re-execute with a typed tolerance: saved as VERIFIED, the tolerance in the environment line")
    void honestRecordWithTolerance(FxRobot robot) throws Exception {
        openDetail(robot, wiring, world.honestDigits);
        robot.interact(() -> {
            robot.lookup("#atolField").queryAs(TextField.class).setText("abc");
            ((javafx.scene.control.Button) robot.lookup("#reexecuteButton").query()).fire();
        });
        Label problem = robot.lookup("#toleranceProblem").queryAs(Label.class);
        assertTrue(onFx(problem::getText).contains("atol"), "a typo is reported, not run");
        robot.interact(() -> {
            robot.lookup("#atolField").queryAs(TextField.class).setText("1e-4");
            robot.lookup("#rtolField").queryAs(TextField.class).setText("0");
        });
        assertEquals("", onFx(problem::getText), "typing clears the problem");
        reexecute(robot);
        Label word = robot.lookup("#bannerWord").queryAs(Label.class);
        waitFor(10, () -> word.getText().equals("Verified"));
        VerdictRecord saved = latest(world.honestDigits);
        assertEquals(Verdict.VERIFIED, saved.verdict());
        assertEquals("atol 1.0E-4, rtol 0.0", saved.environment().tolerance());
        assertTrue(onFx(() -> robot.lookup("#environment").queryAs(Label.class).getText())
                .contains("atol 1.0E-4, rtol 0.0"));
        assertTrue(onFx(() -> robot.lookup("#attestationPanel").query().isVisible()));
        assertTrue(onFx(() -> robot.lookup(".comparison-stats").queryAs(Label.class).getText())
                .contains("0 of 10 elements outside"));
    }

    @Test
    @DisplayName("verify selected rows from Inferences, then verify all from Verify: counts, mismatch list, detail")
    @SuppressWarnings("unchecked")
    void batchRuns(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        TableView<InferenceRow> table = robot.lookup("#table").queryAs(TableView.class);
        waitFor(15, () -> table.getItems().size() == world.all.size()
                && table.getItems().stream().noneMatch(InferenceRow::isLoading));
        assertTrue(onFx(() -> robot.lookup("#verifySelectedButton").query().isDisabled()), "nothing selected yet");
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 1));
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#verifySelectedButton").query()).fire());
        waitFor(60, () -> wiring.verification().lastRunProperty().get() != null);
        BatchRun selected = wiring.verification().lastRunProperty().get();
        assertEquals(BatchRequest.Scope.SELECTED, selected.request().scope());
        assertEquals(2, selected.summary().selected());
        assertEquals(2, selected.summary().verified());

        robot.interact(() -> wiring.main().open(View.VERIFY));
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#verifyAllRun").query()).fire());
        waitFor(120, () -> wiring.verification().lastRunProperty().get() != selected
                && !wiring.verification().runningProperty().get());
        BatchRun all = wiring.verification().lastRunProperty().get();
        assertEquals(world.all.size(), all.summary().selected());
        assertEquals(0, all.summary().failedToRun());
        // the two rows verified a moment ago in this same environment are skipped, not verified twice
        assertEquals(2, all.summary().skipped(), all.summary().toString());
        assertEquals(world.all.size() - 2, all.summary().verified());
        assertTrue(all.summary().failedChecks().containsKey("reexecution"), all.summary().toString());
        VerdictBreakdown run = robot.lookup("#runBreakdown").queryAs(VerdictBreakdown.class);
        String runMismatches = Long.toString(all.summary().count(Verdict.MISMATCH));
        waitFor(10, () -> run.countText(VerdictKind.MISMATCH).equals(runMismatches));
        // the store's list: forged output, bad signature, unapproved PCRs, forged VANILLA output
        ListView<MismatchRow> mismatches = robot.lookup("#mismatchList").queryAs(ListView.class);
        waitFor(10, () -> mismatches.getItems().size() == 4);
        VerdictBreakdown inStore = robot.lookup("#storeBreakdown").queryAs(VerdictBreakdown.class);
        assertEquals("4", onFx(() -> inStore.countText(VerdictKind.MISMATCH)));
        assertEquals("0", onFx(() -> inStore.countText(VerdictKind.NOT_CHECKED)));
        Set<RecordId> listed = onFx(() -> mismatches.getItems().stream().map(MismatchRow::id).collect(Collectors.toSet()));
        assertTrue(listed.contains(world.forgedDigits));
        // synced from one endpoint without proofs: each mismatch is listed with its weaker evidence
        assertEquals(List.of("\u00b7 one endpoint, not proved"), onFx(() -> mismatches.getItems().stream()
                .map(MismatchRow::evidenceQualifier).distinct().toList()));
        assertTrue(onFx(() -> robot.lookup("#failedList").queryAs(javafx.scene.layout.VBox.class).getChildren().size()) > 0);
        // the run ended with a notification (glyph + title + counts) inside the window, its sentence whole
        // (issue 16, item 8: it was placed off the window's left edge and read "...00 verified inferences do not match")
        String expected = VerificationTasks.summary(all, wiring.strings());
        waitFor(10, () -> WindowFit.notifications().stream().anyMatch(n -> expected.equals(
                ((Label) n.lookup(".task-toast-text")).getText())));
        Node toast = onFx(() -> WindowFit.notifications().stream().filter(n -> expected.equals(
                ((Label) n.lookup(".task-toast-text")).getText())).findFirst().orElseThrow());
        assertTrue(expected.contains(Long.toString(all.summary().count(Verdict.MISMATCH)) + " mismatch"), expected);
        // (once it has slid in: ControlsFX animates it into place)
        assertTrue(WindowFit.settlesInside(toast, stage), () -> "the notification is inside the window: "
                + WindowFit.describe(toast, stage));
        assertFalse(onFx(() -> ((Label) toast.lookup(".task-toast-text")).isTextTruncated()), "its text is whole");
        assertTrue(onFx(() -> ((Label) toast.lookup(".task-toast-ending")).getText()).endsWith("needs a look"));
        // choosing a mismatch opens its detail in Inferences
        int index = onFx(() -> mismatches.getItems().stream().map(MismatchRow::id).toList().indexOf(world.forgedDigits));
        robot.interact(() -> {
            mismatches.requestFocus();
            mismatches.getSelectionModel().select(index);
        });
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> wiring.main().current() == View.INFERENCES
                && robot.lookup("#idField").queryAs(TextField.class).getText().equals(world.forgedDigits.toString())
                && robot.lookup("#bannerWord").queryAs(Label.class).getText().equals("Mismatch"));
    }
}

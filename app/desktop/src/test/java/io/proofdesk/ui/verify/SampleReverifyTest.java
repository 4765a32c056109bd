package io.proofdesk.ui.verify;

import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.VerificationWorld;
import io.proofdesk.verify.BatchSummary;
import io.proofdesk.verify.CancellationToken;
import io.proofdesk.verify.RecordSelection;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Verify sample" on records this environment already verified: the batch skips them (all zeros before), the run
 * says how many it skipped and how to check them anyway, and the sample dialog's re-verify option verifies them
 * again, against a real demo network.
 */
@ExtendWith(ApplicationExtension.class)
class SampleReverifyTest {

    @TempDir
    static Path dir;
    static VerificationWorld world;

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
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
    void start(Stage primary) {
        stage = primary;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** Shows the dialog without waiting on it, ticks re-verify if asked, presses Verify, returns the request. */
    private BatchRequest ask(FxRobot robot, boolean tickReverify) throws Exception {
        AtomicReference<Dialog<BatchRequest>> shown = new AtomicReference<>();
        robot.interact(() -> {
            Dialog<BatchRequest> d = new SampleDialog(strings).dialog(stage);
            shown.set(d);
            d.show();
        });
        Dialog<BatchRequest> dialog = shown.get();
        CheckBox reverify = (CheckBox) dialog.getDialogPane().lookup("#sampleReverify");
        assertNotNull(reverify, "the dialog offers re-verifying");
        assertFalse(onFx(reverify::isSelected), "off unless asked: a sample skips what was verified here");
        assertEquals(strings.getString("verify.sample.reverify"), reverify.getText());
        if (tickReverify) {
            robot.clickOn(reverify);
        }
        ButtonType run = dialog.getDialogPane().getButtonTypes().getFirst();
        robot.clickOn(dialog.getDialogPane().lookupButton(run));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(dialog::isShowing));
        return onFx(dialog::getResult);
    }

    @Test
    void theDialogAsksForReverifyingOnlyWhenTicked(FxRobot robot) throws Exception {
        BatchRequest plain = ask(robot, false);
        assertEquals(BatchRequest.Scope.SAMPLE, plain.scope());
        assertFalse(plain.force());
        BatchRequest again = ask(robot, true);
        assertTrue(again.force());
        assertEquals(plain.selection(), again.selection(), "the same sample, only forced");
    }

    @Test
    void aSampleAlreadyVerifiedIsSkippedAndSaysSoUnlessReverified() throws Exception {
        try (Store store = Store.open(world.dataDirectory());
             VerificationService service = new VerificationService(() -> store, world.endpoints(),
                     () -> io.proofdesk.reexec.ModelLimits.DEFAULT, Clock.systemUTC(), 2)) {
            BatchRequest sample = BatchRequest.sample(100, RecordSelection.SampleGroup.MODEL, 1, false);
            BatchSummary first = service.runBatch(sample, (d, t) -> { }, new CancellationToken()).summary();
            assertTrue(first.selected() > 0);
            assertEquals(first.selected(), first.verified() + first.skipped() + first.failedToRun());

            BatchRun second = service.runBatch(sample, (d, t) -> { }, new CancellationToken());
            assertEquals(first.verified() + first.skipped(), second.summary().skipped(), "all verified here before");
            assertEquals(0, second.summary().verified());
            String note = VerifyViewModel.runNote(second, strings);
            assertTrue(note.contains(second.summary().skipped() + " of the " + second.summary().selected()
                    + " selected were skipped"), note);
            assertTrue(note.contains(strings.getString("verify.sample.reverify")), "says how to check them: " + note);

            BatchRequest forced = BatchRequest.sample(100, RecordSelection.SampleGroup.MODEL, 1, true);
            BatchSummary third = service.runBatch(forced, (d, t) -> { }, new CancellationToken()).summary();
            assertEquals(0, third.skipped());
            assertEquals(first.selected() - third.failedToRun(), third.verified(), "every record verified again");
            assertTrue(third.verified() > 0);
        }
    }

    @Test
    void aRunThatSkippedNothingSaysOnlyWhereItRan() {
        BatchSummary none = new BatchSummary(4, 4, 0, 0, Map.of(), new TreeMap<>(), false);
        BatchRun run = new BatchRun(BatchRequest.all(), none, new VerificationEnvironment(null, null, null, null, null),
                "demo network", Instant.EPOCH);
        assertEquals("Network: demo network", VerifyViewModel.runNote(run, strings));
    }
}

package io.proofdesk.ui.inferences;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
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
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mismatch triage in the Inferences view over a real store: search for any part of an id (the tail the table
 * shows), the sentence when nothing matches, the failed checks column, and a row's context menu.
 */
@ExtendWith(ApplicationExtension.class)
class InferencesTriageTest {

    private static final int RECORDS = 300;

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private List<Inference> records;
    private Inference forged;
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    @Start
    void start(Stage primary) throws IOException {
        DataDirectory dir = new DataDirectory(dataDir);
        records = new DemoStore(7).populate(dir, RECORDS);
        forged = records.get(40);
        // a mismatch whose verdict says which checks failed, as the verifier saves it
        try (Store store = Store.open(dir)) {
            store.inTransaction(tx -> tx.saveVerdict(new VerdictRecord(forged.id(), Verdict.MISMATCH, "forged",
                    Instant.parse("2026-01-01T00:00:00Z"), null, List.of(CheckResult.pass("record"),
                    new CheckResult("signature", CheckStatus.FAIL, "bad", Map.of()),
                    new CheckResult("reexecution", CheckStatus.FAIL, "differs", Map.of())))));
        }
        wiring = new AppWiring(dir);
        stage = new Stage();
        wiring.mainWindow().show(stage);
        wiring.main().open(View.INFERENCES);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<InferenceRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private void waitForCount(FxRobot robot, long shown) throws Exception {
        String text = MessageFormat.format(strings.getString("inferences.count"), RECORDS, shown);
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        TableView<InferenceRow> table = table(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> count.getText().equals(text)
                && (table.getItems().isEmpty() || !table.getItems().getFirst().isLoading())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void search(FxRobot robot, String text) {
        robot.doubleClickOn("#search").eraseText(40).write(text);
    }

    @Test
    void theVisibleTailOfAnIdFindsItsRecord(FxRobot robot) throws Exception {
        waitForCount(robot, RECORDS);
        Inference target = records.get(123);
        // what the table shows of an id ends in the tx hash's last 4 hex digits, the log index and any leaf
        String shown = InferenceFormat.shortId(target.id());
        String tail = shown.substring(shown.indexOf('\u2026') + 1);
        long expected = records.stream().filter(r -> r.id().toString().contains(tail)).count();
        assertEquals(1, expected, "the fixture's tail is unique");
        search(robot, tail);
        waitForCount(robot, 1);
        assertEquals(target.id(), onFx(() -> table(robot).getItems().getFirst().inference().id()));

        // hex from the middle of a tx hash, in capitals
        String middle = target.id().txHash().substring(20, 30).toUpperCase();
        search(robot, middle);
        waitForCount(robot, records.stream().filter(r -> r.id().toString().contains(middle.toLowerCase())).count());
        assertTrue(onFx(() -> table(robot).getItems().stream().anyMatch(r -> r.inference().id().equals(target.id()))));
    }

    @Test
    void aSearchThatFindsNothingSaysSo(FxRobot robot) throws Exception {
        waitForCount(robot, RECORDS);
        search(robot, "9677:159");
        waitForCount(robot, 0);
        Label noMatch = robot.lookup("#noMatch").queryAs(Label.class);
        assertTrue(onFx(noMatch::isVisible), "the empty table shows its sentence");
        assertEquals(MessageFormat.format(strings.getString("inferences.table.noMatch.search"), "9677:159"),
                noMatch.getText());
        robot.clickOn("Clear filters");
        waitForCount(robot, RECORDS);
        assertEquals("", robot.lookup("#search").queryTextInputControl().getText(), "clearing empties the field");
        assertEquals(strings.getString("inferences.table.noMatch"), noMatch.getText());
    }

    @Test
    void failedChecksHaveTheirColumn(FxRobot robot) throws Exception {
        waitForCount(robot, RECORDS);
        search(robot, forged.id().toString());
        waitForCount(robot, 1);
        InferenceRow row = onFx(() -> table(robot).getItems().getFirst());
        assertEquals(List.of("signature", "reexecution"), row.failedChecks());
        // at the default window size the table is wider than its view: bring the last column into sight, as a user
        // scrolls sideways to it (a table with a fixed cell size makes cells only for the columns in view)
        robot.interact(() -> table(robot).scrollToColumn(table(robot).getColumns().getLast()));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "failedColumn".equals(c.getTableColumn().getId()) && !c.isEmpty()).findFirst()
                .orElseThrow();
        assertEquals("TEE signature, Re-execution", cell.getText());
        assertEquals(strings.getString("inferences.table.failed"), onFx(() -> cell.getTableColumn().getText()));
    }

    @Test
    void aRowsMenuCopiesItsIdAndTxHashAndHasNoExplorerWithoutOne(FxRobot robot) throws Exception {
        waitForCount(robot, RECORDS);
        TableView<InferenceRow> table = table(robot);
        @SuppressWarnings("unchecked")
        TableRow<InferenceRow> first = robot.lookup(".table-row-cell").nth(0).queryAs(TableRow.class);
        Inference record = onFx(() -> first.getItem().inference());

        ContextMenu menu = openMenu(robot, first);
        assertFalse(onFx(() -> item(menu, "explorerItem").isVisible()),
                "the network has no explorer URL, so there is nothing to open");
        robot.clickOn(strings.getString("inferences.menu.copyId"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(record.id().toString(), onFx(() -> Clipboard.getSystemClipboard().getString()));

        openMenu(robot, first);
        robot.clickOn(strings.getString("inferences.menu.copyTx"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(record.id().txHash(), onFx(() -> Clipboard.getSystemClipboard().getString()));
        assertFalse(onFx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof ContextMenu && w.isShowing())));
        assertTrue(onFx(() -> table.getItems().size() == RECORDS));
    }

    /**
     * Right-clicks the row, then asks for its menu as the platform does after a right click: Monocle, the headless
     * toolkit of these tests, sends no context-menu request for a secondary click.
     */
    static ContextMenu openMenu(FxRobot robot, Node row) throws Exception {
        robot.clickOn(row, MouseButton.SECONDARY);
        robot.interact(() -> {
            Bounds b = row.localToScreen(row.getBoundsInLocal());
            row.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getWidth() / 2,
                    b.getHeight() / 2, b.getMinX() + 20, b.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = onFx(() -> ((javafx.scene.control.Control) row).getContextMenu());
        assertTrue(onFx(menu::isShowing), "the row's menu is open");
        return menu;
    }

    static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}

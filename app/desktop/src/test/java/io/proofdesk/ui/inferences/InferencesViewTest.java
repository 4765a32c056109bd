package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.choose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inferences view over a real store with a few hundred demo records, driven by the robot. */
@ExtendWith(ApplicationExtension.class)
class InferencesViewTest {

    private static final int RECORDS = 300;

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private List<Inference> records;
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    @Start
    void start(Stage primary) throws IOException {
        records = new DemoStore(7).populate(new DataDirectory(dataDir), RECORDS);
        wiring = new AppWiring(new DataDirectory(dataDir));
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

    private static <T> T onFx(Callable<T> query) throws Exception {
        return io.proofdesk.ui.FxWait.onFx(query);
    }

    private String countText(long all, long shown) {
        return MessageFormat.format(strings.getString("inferences.count"), all, shown);
    }

    @SuppressWarnings("unchecked")
    private TableView<InferenceRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    /** Waits until the count label reads {@code text} and the visible rows are loaded. */
    private void waitForRows(FxRobot robot, String text) throws Exception {
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        TableView<InferenceRow> table = table(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> count.getText().equals(text)
                && (table.getItems().isEmpty() || !table.getItems().getFirst().isLoading())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void listsEveryRecordNewestBlockFirst(FxRobot robot) throws Exception {
        waitForRows(robot, countText(RECORDS, RECORDS));
        TableView<InferenceRow> table = table(robot);
        Inference newest = records.stream().max(Comparator.comparingLong(Inference::blockNumber)).orElseThrow();
        assertEquals(newest.id(), onFx(() -> table.getItems().getFirst().inference().id()));
        assertFalse(robot.lookup("#emptyState").query().isVisible());
        // the label text of the first row's block cell is what the user sees
        assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .anyMatch(c -> Long.toString(newest.blockNumber()).equals(c.getText())), "block cell shown");
        // the toolbar hint may be cut short beside the buttons; its tooltip holds the whole sentence
        Label hint = robot.lookup(".table-hint").queryAs(Label.class);
        assertEquals(strings.getString("inferences.table.hint"), onFx(() -> hint.getTooltip().getText()));
    }

    @Test
    void filtersNarrowTheRowsAndTheCount(FxRobot robot) throws Exception {
        waitForRows(robot, countText(RECORDS, RECORDS));
        DemoStore.ZooVersion digits = new DemoStore(7).zoo().get(2);
        long expected = records.stream().filter(i -> i.model().equals(digits.cid())).count();
        assertTrue(expected > 0 && expected < RECORDS);

        choose(robot, "#modelFilter", "digits-cnn 1.00");
        waitForRows(robot, countText(RECORDS, expected));
        TableView<InferenceRow> table = table(robot);
        assertTrue(onFx(() -> table.getItems().stream().limit(expected)
                .allMatch(r -> r.inference().model().equals(digits.cid()))));

        long teeAndDigits = records.stream().filter(i -> i.model().equals(digits.cid())
                && i.mode() == InferenceMode.TEE).count();
        choose(robot, "#modeFilter", "TEE");
        waitForRows(robot, countText(RECORDS, teeAndDigits));

        // the verdict breakdown follows the filters
        long mismatches = records.stream().filter(i -> i.model().equals(digits.cid()) && i.mode() == InferenceMode.TEE
                && i.verdict() == Verdict.MISMATCH).count();
        VerdictBreakdown breakdown = robot.lookup("#verdictBreakdown").queryAs(VerdictBreakdown.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                breakdown.countText(VerdictKind.MISMATCH).equals(Long.toString(mismatches))
                && breakdown.countText(VerdictKind.VERIFIED).equals(Long.toString(records.stream()
                        .filter(i -> i.model().equals(digits.cid()) && i.mode() == InferenceMode.TEE
                                && i.verdict() == Verdict.VERIFIED).count()))));

        robot.clickOn("Clear filters");
        waitForRows(robot, countText(RECORDS, RECORDS));
    }

    @Test
    void searchByTxHashPrefixFindsOneRecord(FxRobot robot) throws Exception {
        waitForRows(robot, countText(RECORDS, RECORDS));
        Inference target = records.get(123);
        robot.clickOn("#search").write(target.id().txHash().substring(2, 14));
        waitForRows(robot, countText(RECORDS, 1));
        assertEquals(target.id(), onFx(() -> table(robot).getItems().getFirst().inference().id()));
    }

    @Test
    void enterOpensTheDetailOfTheSelectedRecord(FxRobot robot) throws Exception {
        waitForRows(robot, countText(RECORDS, RECORDS));
        TableView<InferenceRow> table = table(robot);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DOWN, 2).type(KeyCode.ENTER);
        Inference third = onFx(() -> table.getItems().get(2).inference());
        TextField id = robot.lookup("#idField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> id.getText().equals(third.id().toString())));
        assertTrue(onFx(() -> robot.lookup("#inferenceDetailView").query().isVisible()));
        assertFalse(onFx(() -> robot.lookup("#listPage").query().isVisible()));
        // the record's tensors, read from the store with it
        Inference stored = records.stream().filter(r -> r.id().equals(third.id())).findFirst().orElseThrow();
        TableView<?> inputs = robot.lookup("#inputTable").queryAs(TableView.class);
        TableView<?> outputs = robot.lookup("#outputTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> inputs.getItems().size() == 1));
        assertEquals(TensorSummary.of(stored.inputs().getFirst()), onFx(() -> inputs.getItems().getFirst()));
        assertEquals(TensorSummary.of(stored.outputs().getFirst()), onFx(() -> outputs.getItems().getFirst()));
        assertTrue(robot.lookup("#checksPane").tryQuery().isPresent(), "verification has its place");
        assertTrue(robot.lookup(".field-value").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(stored.id().txHash())), "tx hash shown");

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> robot.lookup("#listPage").query().isVisible()));
    }

    @Test
    void aPublishedStoreChangeRefreshesTheCount(FxRobot robot) throws Exception {
        waitForRows(robot, countText(RECORDS, RECORDS));
        List<Inference> more = new DemoStore(99).inferences(25, 1_000_000);
        int added = wiring.store().store().inTransactionGet(tx -> tx.saveInferences(more));
        assertEquals(25, added);
        wiring.storeEvents().publish(new StoreEvent.InferencesStored(added));
        waitForRows(robot, countText(RECORDS + 25, RECORDS + 25));
        long inStore = wiring.store().store().read(tx -> tx.inferences().count(InferenceQuery.all()));
        assertEquals(RECORDS + 25, inStore);
    }
}

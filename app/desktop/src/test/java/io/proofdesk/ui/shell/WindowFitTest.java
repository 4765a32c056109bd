package io.proofdesk.ui.shell;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.FxWait;
import io.proofdesk.ui.WindowFit;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.inferences.InferenceRow;
import io.proofdesk.ui.network.NetworkConfig;
import io.proofdesk.ui.network.NetworkConfigStore;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window at the sizes people use (1280x800 laptops, 1920x1080 monitors), every view over a store with
 * data: every button inside the window and showing its whole text, table headers whole, no view scrolling sideways,
 * the status bar's end in sight; long cell values whole on hover; columns resizable. Headless (Monocle); the same
 * window under a real X server is what screenshots/real-window.sh captures.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private List<Inference> written;

    @Start
    void start(Stage primary) throws IOException {
        written = new DemoStore(2025).populate(new DataDirectory(dataDir), 300);
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
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

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            // on the (1920x1080) test screen: a window hanging off its edge is not what a person sees
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "at {0}x{1} every view fits")
    @CsvSource({"1280, 800", "1920, 1080"})
    void everyViewFits(int width, int height, FxRobot robot) throws Exception {
        resize(robot, width, height);
        assertEquals(width, onFx(() -> stage.getScene().getWidth()), "the stage is as wide as asked");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.store().isOpen()));
        List<String> problems = new ArrayList<>();
        for (View view : View.values()) {
            robot.interact(() -> wiring.main().open(view));
            waitForData(robot, view);
            problems.addAll(onFx(() -> WindowFit.problems(stage.getScene())).stream()
                    .map(p -> view + ": " + p).toList());
            assertTrue(onFx(() -> WindowFit.insideWindow(robot.lookup("#tasksToggle").query(), stage)),
                    view + ": the status bar's right end is inside the window");
        }
        openDetail(robot, written.get(7));
        problems.addAll(onFx(() -> WindowFit.problems(stage.getScene())).stream().map(p -> "detail: " + p).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void thePrimaryActionsOfTheFirstScreenAreWholeAt1280(FxRobot robot) throws Exception {
        resize(robot, 1280, 800);
        robot.interact(() -> wiring.main().open(View.VERIFY));
        for (String id : List.of("#verifyAllRun", "#verifySampleRun", "#verifyNotCheckedRun")) {
            Button button = robot.lookup(id).queryButton();
            assertTrue(onFx(() -> WindowFit.insideWindow(button, stage)), id);
            assertFalse(onFx(button::isTextTruncated), id + " reads '" + button.getText() + "' whole");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cutIdsAndCellsShowTheirWholeTextOnHoverAndColumnsResize(FxRobot robot) throws Exception {
        resize(robot, 1280, 800);
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        waitForData(robot, View.INFERENCES);
        TableView<InferenceRow> table = robot.lookup("#table").queryAs(TableView.class);
        for (TableColumn<InferenceRow, ?> column : table.getColumns()) {
            assertTrue(column.isResizable(), column.getText() + " can be resized");
        }
        // the record id is shortened in its cell; its tooltip has the whole id
        Node idCell = robot.from(table).lookup(".table-cell").<Node>queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == table.getColumns().getFirst()
                        && c.getText() != null && c.getText().contains("\u2026"))
                .findFirst().orElseThrow();
        javafx.scene.control.TableCell<InferenceRow, ?> cell = (javafx.scene.control.TableCell<InferenceRow, ?>) idCell;
        String wholeId = onFx(() -> cell.getTableRow().getItem().inference().id().toString());
        assertEquals(wholeId, onFx(() -> cell.getTooltip().getText()));

        // a model column narrowed by the user cuts its text; the tooltip then has it whole
        TableColumn<InferenceRow, ?> model = table.getColumns().get(3);
        robot.interact(() -> table.resizeColumn(model, 60 - model.getWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(model::getWidth) < 100, "the column was narrowed: " + model.getWidth());
        javafx.scene.control.TableCell<InferenceRow, ?> modelCell = onFx(() -> robot.from(table).lookup(".table-cell")
                .<Node>queryAll().stream().map(n -> (javafx.scene.control.TableCell<InferenceRow, ?>) n)
                .filter(c -> c.getTableColumn() == model && c.isTextTruncated()).findFirst().orElseThrow());
        String wholeModel = onFx(() -> (String) modelCell.getItem());
        assertEquals(wholeModel, onFx(() -> modelCell.getTooltip().getText()));
        // and its header stays whole: a column is never narrower than its header's words
        assertTrue(onFx(() -> model.getWidth() >= model.getMinWidth()));
        assertTrue(onFx(() -> model.getMinWidth() > 40), "the header measured: " + model.getMinWidth());
    }

    /**
     * The Network view over a real embedded demo network (a small one): its toolbar ("Sync now" at its right end)
     * and its tables fit at 1280x800.
     */
    @Test
    void theNetworkViewOfARunningDemoFitsAt1280(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        Path demoDir = dataDir.resolve("demo-window");
        new NetworkConfigStore(new DataDirectory(demoDir).ensureExists().resolve(NetworkConfigStore.FILE_NAME))
                .write(NetworkConfig.FIRST_RUN.withDemoInferences(40));
        wiring = new AppWiring(new DataDirectory(demoDir));
        robot.interact(() -> {
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            wiring.network().start();
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> onFx(() ->
                wiring.statusBar().syncProperty().get() == SyncState.UP_TO_DATE));
        TableView<?> nodes = robot.lookup("#nodeTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !nodes.getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), onFx(() -> WindowFit.problems(stage.getScene())));
        Button sync = robot.lookup("#syncButton").queryButton();
        assertTrue(onFx(() -> WindowFit.insideWindow(sync, stage)), "Sync now is in sight");
        assertFalse(onFx(() -> robot.lookup(".task-panel").query().isVisible()),
                "starting and syncing the demo did not open the task panel over the view");
        // the sync was announced, and kept in the history with its counts
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> wiring.background().history().recent()
                .stream().anyMatch(o -> o.announced() && o.summary().startsWith("Stored "))));
    }

    private void waitForData(FxRobot robot, View view) throws Exception {
        if (view == View.INFERENCES) {
            TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> !table.getItems().isEmpty()
                    && table.getItems().stream().limit(20).noneMatch(r -> ((InferenceRow) r).isLoading())));
        } else if (view == View.MODELS) {
            ListView<?> list = robot.lookup("#modelList").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> !list.getItems().isEmpty()));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a record the way {@code --open ID} does, then waits for its detail page. */
    private void openDetail(FxRobot robot, Inference record) throws Exception {
        robot.interact(() -> wiring.open(new OpenTarget.RecordDetail(record.id())));
        TextField id = robot.lookup("#idField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> id.getText().equals(record.id().toString())
                && robot.lookup("#inferenceDetailView").query().isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

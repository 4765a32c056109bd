package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.TaskOutcome;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;

public final class TaskPanelController {

    /** A running task's card: title, progress bar and message. */
    private static final double TASK_ROW_HEIGHT = 96;
    private static final int TASK_ROWS_SHOWN = 3;

    private final TaskPanelViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private VBox taskPanel;
    @FXML private ListView<Task<?>> taskList;
    @FXML private ListView<TaskOutcome> historyList;

    public TaskPanelController(TaskPanelViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        taskPanel.visibleProperty().bind(viewModel.openProperty());
        // a card in the corner, not a layer over the whole view (the view stays usable beside it)
        taskPanel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        taskList.setItems(viewModel.tasks());
        taskList.setCellFactory(list -> new TaskCell(strings));
        // show the running tasks without an empty grid below (up to three; more scroll)
        taskList.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> TASK_ROW_HEIGHT
                * Math.clamp(viewModel.tasks().size(), 1, TASK_ROWS_SHOWN) + 10, viewModel.tasks()));
        taskList.setMinHeight(Region.USE_PREF_SIZE);
        historyList.setItems(viewModel.history());
        historyList.setCellFactory(list -> new TaskHistoryCell(strings));
    }

    @FXML
    private void close() {
        viewModel.openProperty().set(false);
    }
}

package io.proofdesk.ui.shell;

import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;

public final class TaskPanelController {

    private final TaskPanelViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private VBox taskPanel;
    @FXML private ListView<Task<?>> taskList;

    public TaskPanelController(TaskPanelViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        taskPanel.visibleProperty().bind(viewModel.openProperty());
        taskPanel.managedProperty().bind(viewModel.openProperty());
        taskList.setItems(viewModel.tasks());
        taskList.setCellFactory(list -> new TaskCell(strings));
    }

    @FXML
    private void close() {
        viewModel.openProperty().set(false);
    }
}

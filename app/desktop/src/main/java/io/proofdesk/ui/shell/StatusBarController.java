package io.proofdesk.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

import java.util.Arrays;

public final class StatusBarController {

    private final StatusBarViewModel viewModel;
    private final TaskPanelViewModel taskPanel;

    @FXML private Region chainDot;
    @FXML private Label chainLabel;
    @FXML private Label syncLabel;
    @FXML private ToggleButton tasksToggle;

    public StatusBarController(StatusBarViewModel viewModel, TaskPanelViewModel taskPanel) {
        this.viewModel = viewModel;
        this.taskPanel = taskPanel;
    }

    @FXML
    private void initialize() {
        chainLabel.textProperty().bind(viewModel.chainText());
        syncLabel.textProperty().bind(viewModel.syncText());
        tasksToggle.textProperty().bind(viewModel.tasksText());
        tasksToggle.selectedProperty().bindBidirectional(taskPanel.openProperty());
        showChainState(viewModel.chainProperty().get());
        viewModel.chainProperty().addListener((o, was, now) -> showChainState(now));
    }

    private void showChainState(ChainState state) {
        chainDot.getStyleClass().removeAll(Arrays.stream(ChainState.values()).map(ChainState::styleClass).toList());
        chainDot.getStyleClass().add(state.styleClass());
    }
}

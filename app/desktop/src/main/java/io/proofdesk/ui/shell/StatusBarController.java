package io.proofdesk.ui.shell;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

import java.util.Arrays;

public final class StatusBarController {

    private final StatusBarViewModel viewModel;
    private final TaskPanelViewModel taskPanel;
    // the view-model outlives this view; the listener is held here and registered weakly
    private final ChangeListener<ChainState> chainListener = (o, was, now) -> showChainState(now);

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
        viewModel.chainProperty().addListener(new WeakChangeListener<>(chainListener));
    }

    private void showChainState(ChainState state) {
        chainDot.getStyleClass().removeAll(Arrays.stream(ChainState.values()).map(ChainState::styleClass).toList());
        chainDot.getStyleClass().add(state.styleClass());
    }
}

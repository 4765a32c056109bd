package io.proofdesk.ui.shell;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.util.Arrays;
import java.util.ResourceBundle;

public final class StatusBarController {

    private final StatusBarViewModel viewModel;
    private final TaskPanelViewModel taskPanel;
    private final ResourceBundle strings;
    // the view-model outlives this view; the listener is held here and registered weakly
    private final ChangeListener<ChainState> chainListener = (o, was, now) -> showChainState(now);

    @FXML private Region chainDot;
    @FXML private Label chainLabel;
    @FXML private Label syncLabel;
    @FXML private ProgressBar taskProgress;
    @FXML private ToggleButton tasksToggle;

    public StatusBarController(StatusBarViewModel viewModel, TaskPanelViewModel taskPanel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.taskPanel = taskPanel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        chainLabel.textProperty().bind(viewModel.chainText());
        syncLabel.textProperty().bind(viewModel.syncText());
        fullTextOnHover(chainLabel);
        fullTextOnHover(syncLabel);
        tasksToggle.textProperty().bind(viewModel.tasksText());
        tasksToggle.selectedProperty().bindBidirectional(taskPanel.openProperty());
        tasksToggle.setTooltip(new Tooltip(strings.getString("tasks.toggle.help")));
        // running work shows here; the panel with its details opens only when asked
        taskProgress.progressProperty().bind(taskPanel.progressProperty());
        taskProgress.visibleProperty().bind(taskPanel.runningCount().greaterThan(0));
        taskProgress.managedProperty().bind(taskProgress.visibleProperty());
        showChainState(viewModel.chainProperty().get());
        viewModel.chainProperty().addListener(new WeakChangeListener<>(chainListener));
    }

    /** A status text cut short by a narrow window keeps its whole sentence in a tooltip. */
    private static void fullTextOnHover(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    private void showChainState(ChainState state) {
        chainDot.getStyleClass().removeAll(Arrays.stream(ChainState.values()).map(ChainState::styleClass).toList());
        chainDot.getStyleClass().add(state.styleClass());
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.controls.Glyph;
import io.proofdesk.ui.controls.Icon;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;

/** One running task: title, cancel, progress, and its latest message. */
final class TaskCell extends ListCell<Task<?>> {

    private final ResourceBundle strings;
    private final Label title = new Label();
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final VBox box;

    TaskCell(ResourceBundle strings) {
        this.strings = strings;
        title.getStyleClass().add("task-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        message.getStyleClass().add("task-message");
        progress.getStyleClass().add("task-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        cancel.getStyleClass().add("task-cancel");
        cancel.setGraphic(new Icon(Glyph.CLOSE, 14));
        cancel.setTooltip(new Tooltip(strings.getString("tasks.cancel")));
        cancel.setAccessibleText(strings.getString("tasks.cancel"));
        HBox top = new HBox(8, title, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(6, top, progress, message);
        box.getStyleClass().add("task-card");
        setText(null);
    }

    @Override
    protected void updateItem(Task<?> task, boolean empty) {
        super.updateItem(task, empty);
        title.textProperty().unbind();
        message.textProperty().unbind();
        progress.progressProperty().unbind();
        cancel.setOnAction(null);
        if (empty || task == null) {
            setGraphic(null);
            return;
        }
        title.textProperty().bind(task.titleProperty());
        progress.progressProperty().bind(task.progressProperty());
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!task.getMessage().isBlank()) {
                return task.getMessage();
            }
            return strings.getString(task.getState() == Worker.State.RUNNING ? "tasks.working" : "tasks.waiting");
        }, task.messageProperty(), task.stateProperty()));
        cancel.setOnAction(e -> task.cancel());
        setGraphic(box);
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.TaskOutcome;
import io.proofdesk.ui.controls.Glyph;
import io.proofdesk.ui.controls.Icon;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;

/** One ended task in the history: outcome glyph and word, title, how long it took, when, and its summary. */
final class TaskHistoryCell extends ListCell<TaskOutcome> {

    private final ResourceBundle strings;
    private final Label title = new Label();
    private final Label when = new Label();
    private final Label ending = new Label();
    private final Label summary = new Label();
    private final VBox box;

    TaskHistoryCell(ResourceBundle strings) {
        this.strings = strings;
        title.getStyleClass().add("task-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        when.getStyleClass().add("task-when");
        when.setMinWidth(Label.USE_PREF_SIZE);
        ending.getStyleClass().add("task-ending");
        ending.setGraphicTextGap(6);
        summary.getStyleClass().add("task-message");
        summary.setWrapText(true);
        HBox top = new HBox(8, title, when);
        top.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(4, top, ending, summary);
        box.getStyleClass().add("task-card");
        // the cell wraps its text to the list's width instead of asking for a horizontal scroll bar
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(TaskOutcome outcome, boolean empty) {
        super.updateItem(outcome, empty);
        if (empty || outcome == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        title.setText(outcome.title());
        when.setText(TaskTexts.clock(outcome.finishedAt()));
        ending.setText(TaskTexts.ending(outcome, strings));
        ending.setGraphic(new Icon(glyph(outcome), 14));
        ending.getStyleClass().removeAll(TaskTexts.TONES);
        ending.getStyleClass().add(TaskTexts.tone(outcome));
        summary.setText(outcome.summary());
        summary.setVisible(!outcome.summary().isBlank());
        summary.setManaged(summary.isVisible());
        setTooltip(new Tooltip(outcome.title() + (outcome.summary().isBlank() ? "" : "\n" + outcome.summary())));
        setGraphic(box);
    }

    static Glyph glyph(TaskOutcome outcome) {
        return switch (outcome.ending()) {
            case DONE -> outcome.attention() ? Glyph.MISMATCH : Glyph.VERIFIED;
            case FAILED -> Glyph.ERROR;
            case CANCELLED -> Glyph.CLOSE;
        };
    }
}

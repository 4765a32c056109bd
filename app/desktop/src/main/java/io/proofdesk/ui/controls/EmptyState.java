package io.proofdesk.ui.controls;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What a view shows before it has anything: a glyph, a title, what will appear here, and how to get there.
 * Extra children given in FXML (for example a legend) are placed below the text.
 */
public final class EmptyState extends VBox {

    private final Icon icon = new Icon();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label hint = new Label();

    public EmptyState() {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        icon.setSize(34);
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("empty-state-badge");
        badge.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        title.getStyleClass().add("empty-state-title");
        text.getStyleClass().add("empty-state-text");
        text.setWrapText(true);
        hint.getStyleClass().add("empty-state-hint");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.managedProperty());
        getChildren().addAll(badge, title, text, hint);
    }

    public Glyph getGlyph() {
        return icon.getGlyph();
    }

    public void setGlyph(Glyph glyph) {
        icon.setGlyph(glyph);
    }

    public String getTitle() {
        return title.getText();
    }

    public void setTitle(String value) {
        title.setText(value);
    }

    public String getText() {
        return text.getText();
    }

    public void setText(String value) {
        text.setText(value);
    }

    public String getHint() {
        return hint.getText();
    }

    public void setHint(String value) {
        hint.setText(value);
    }
}

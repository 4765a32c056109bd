package io.proofdesk.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.Arrays;

/** A verdict as glyph + word, coloured by the verdict tokens; the word comes from strings.properties. */
public final class VerdictBadge extends HBox {

    private final ObjectProperty<VerdictKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final Icon icon = new Icon();
    private final Label label = new Label();

    public VerdictBadge() {
        getStyleClass().add("verdict-badge");
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(USE_PREF_SIZE); // a pill around its word, never stretched by a grid or box
        icon.setSize(14);
        label.getStyleClass().add("verdict-word");
        getChildren().addAll(icon, label);
        kind.addListener((o, was, now) -> {
            getStyleClass().removeAll(Arrays.stream(VerdictKind.values()).map(VerdictKind::styleClass).toList());
            if (now != null) {
                getStyleClass().add(now.styleClass());
                icon.setGlyph(now.glyph());
            }
        });
    }

    public ObjectProperty<VerdictKind> kindProperty() {
        return kind;
    }

    public VerdictKind getKind() {
        return kind.get();
    }

    public void setKind(VerdictKind value) {
        kind.set(value);
    }

    public String getText() {
        return label.getText();
    }

    public void setText(String value) {
        label.setText(value);
    }
}

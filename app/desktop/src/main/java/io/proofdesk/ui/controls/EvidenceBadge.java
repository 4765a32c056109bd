package io.proofdesk.ui.controls;

import io.proofdesk.domain.EvidenceLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.Arrays;
import java.util.Locale;

/**
 * A record's evidence level as glyph + word (closed lock PROVED, two checks AGREED, open lock TRUSTED), tinted by
 * the level's tokens; never colour alone. The word comes from strings.properties.
 */
public final class EvidenceBadge extends HBox {

    private final ObjectProperty<EvidenceLevel> level = new SimpleObjectProperty<>(this, "level");
    private final Icon icon = new Icon();
    private final Label label = new Label();

    public EvidenceBadge() {
        getStyleClass().add("evidence-badge");
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(USE_PREF_SIZE);
        icon.setSize(14);
        label.getStyleClass().add("evidence-word");
        getChildren().addAll(icon, label);
        level.addListener((o, was, now) -> {
            getStyleClass().removeAll(Arrays.stream(EvidenceLevel.values()).map(EvidenceBadge::styleClass).toList());
            if (now != null) {
                getStyleClass().add(styleClass(now));
                icon.setGlyph(glyph(now));
            }
        });
    }

    public static String styleClass(EvidenceLevel l) {
        return "evidence-" + l.name().toLowerCase(Locale.ROOT);
    }

    public static Glyph glyph(EvidenceLevel l) {
        return switch (l) {
            case PROVED -> Glyph.EVIDENCE_PROVED;
            case AGREED -> Glyph.EVIDENCE_AGREED;
            case TRUSTED -> Glyph.EVIDENCE_TRUSTED;
        };
    }

    /** The key of the level's word in strings.properties. */
    public static String wordKey(EvidenceLevel l) {
        return "evidence.level." + l.name();
    }

    public ObjectProperty<EvidenceLevel> levelProperty() {
        return level;
    }

    public EvidenceLevel getLevel() {
        return level.get();
    }

    public void setLevel(EvidenceLevel value) {
        level.set(value);
    }

    public String getText() {
        return label.getText();
    }

    public void setText(String value) {
        label.setText(value);
    }
}

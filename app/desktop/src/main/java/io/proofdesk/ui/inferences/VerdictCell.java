package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.ResourceBundle;

/**
 * The verdict column: glyph + word + colour, "Not checked" for records without a verdict, blank while loading. The
 * Evidence column stands right beside it, so a TRUSTED record's verdict is read with its weaker evidence; the
 * verdict's tooltip says it in words ("Verified · one endpoint, not proved").
 */
final class VerdictCell extends TableCell<InferenceRow, InferenceRow> {

    private final VerdictBadge badge = new VerdictBadge();
    private final Tooltip tooltip = new Tooltip();
    private final ResourceBundle strings;

    VerdictCell(ResourceBundle strings) {
        this.strings = strings;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(InferenceRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null || row.isLoading()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Inference i = row.inference();
        VerdictKind kind = VerdictKind.of(i.verdict());
        String word = strings.getString(kind.wordKey());
        badge.setKind(kind);
        badge.setText(word);
        setGraphic(badge);
        String qualifier = InferenceFormat.evidenceQualifier(i, strings);
        if (qualifier.isEmpty()) {
            setTooltip(null);
        } else {
            tooltip.setText(word + " " + qualifier);
            setTooltip(tooltip);
        }
    }

    /** The tooltip's text, or empty when the verdict needs no qualifier. */
    String qualifiedText() {
        return getTooltip() == null ? "" : getTooltip().getText();
    }
}

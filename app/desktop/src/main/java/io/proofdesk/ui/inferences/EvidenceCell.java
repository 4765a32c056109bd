package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Evidence;
import io.proofdesk.ui.controls.EvidenceBadge;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.ResourceBundle;

/** The evidence column: glyph + level word, the sentence saying what backs it as the tooltip; blank while loading. */
final class EvidenceCell extends TableCell<InferenceRow, InferenceRow> {

    private final EvidenceBadge badge = new EvidenceBadge();
    private final Tooltip tooltip = new Tooltip();
    private final ResourceBundle strings;

    EvidenceCell(ResourceBundle strings) {
        this.strings = strings;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        tooltip.setWrapText(true);
    }

    @Override
    protected void updateItem(InferenceRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null || row.isLoading()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Evidence e = row.inference().evidence();
        badge.setLevel(e.level());
        badge.setText(strings.getString(EvidenceBadge.wordKey(e.level())));
        tooltip.setText(e.detail());
        setGraphic(badge);
        setTooltip(tooltip);
    }
}

package io.proofdesk.ui.inferences;

import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;

import java.util.ResourceBundle;

/** The verdict column: glyph + word + colour, "Not checked" for records without a verdict, blank while loading. */
final class VerdictCell extends TableCell<InferenceRow, InferenceRow> {

    private final VerdictBadge badge = new VerdictBadge();
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
            return;
        }
        VerdictKind kind = VerdictKind.of(row.inference().verdict());
        badge.setKind(kind);
        badge.setText(strings.getString(kind.wordKey()));
        setGraphic(badge);
    }
}

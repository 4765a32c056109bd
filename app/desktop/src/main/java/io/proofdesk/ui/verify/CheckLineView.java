package io.proofdesk.ui.verify;

import io.proofdesk.ui.controls.VerdictBadge;
import javafx.geometry.Pos;
import io.proofdesk.ui.inferences.InferenceFormat;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/** One check line: status badge (glyph + word + colour), the check's name, why, and its details in small print. */
final class CheckLineView extends HBox {

    /** Hex hashes, base64 ids and CIDs: shortened to head…tail; sentences, URLs and times stay whole. */
    private static final java.util.regex.Pattern HASH_LIKE =
            java.util.regex.Pattern.compile("(0x)?[0-9a-fA-F]{24,}|[A-Za-z0-9_+/=-]{32,}");

    CheckLineView(CheckRow row) {
        getStyleClass().addAll("check-line", "check-line-" + row.status().name().toLowerCase(java.util.Locale.ROOT));
        setAlignment(Pos.TOP_LEFT);
        setFillHeight(false);
        VerdictBadge badge = new VerdictBadge();
        badge.setKind(row.look());
        badge.setText(row.word());
        badge.getStyleClass().add("check-badge");
        Label name = new Label(row.label());
        name.getStyleClass().add("check-name");
        Label reason = new Label(row.reason());
        reason.getStyleClass().add("check-reason");
        reason.setWrapText(true);
        VBox text = new VBox(name, reason);
        text.getStyleClass().add("check-text");
        if (!row.details().isEmpty()) {
            // long hashes as head…tail in the line; the full values in the tooltip (and the record card)
            Label details = new Label(row.details().stream()
                    .map(e -> e.getKey() + " " + (HASH_LIKE.matcher(e.getValue()).matches()
                            ? InferenceFormat.shorten(e.getValue()) : e.getValue()))
                    .collect(Collectors.joining("   \u00b7   ")));
            details.setTooltip(new Tooltip(row.details().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("\n"))));
            details.getStyleClass().add("check-details");
            details.setWrapText(true);
            text.getChildren().add(details);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        reason.managedProperty().bind(reason.textProperty().isNotEmpty());
        reason.visibleProperty().bind(reason.managedProperty());
        setId("check-" + row.name());
        getChildren().addAll(badge, text);
    }
}

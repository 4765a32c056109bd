package io.proofdesk.ui.verify;

import io.proofdesk.ui.controls.VerdictBadge;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/** One check line: status badge (glyph + word + colour), the check's name, why, and its details in small print. */
final class CheckLineView extends HBox {

    CheckLineView(CheckRow row) {
        getStyleClass().addAll("check-line", "check-line-" + row.status().name().toLowerCase(java.util.Locale.ROOT));
        setAlignment(Pos.TOP_LEFT);
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
            Label details = new Label(row.details().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("   \u00b7   ")));
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

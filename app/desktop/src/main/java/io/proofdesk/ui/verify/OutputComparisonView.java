package io.proofdesk.ui.verify;

import io.proofdesk.ui.controls.ColumnWidths;
import io.proofdesk.ui.controls.FullTextCell;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * One output claimed vs local: a header (name + comparison status as badge), the error statistics and tolerance,
 * the value table for small tensors (rows outside tolerance marked with glyph + word, not colour alone) and the
 * claimed / local / difference pictures for tensors that can be drawn.
 */
final class OutputComparisonView extends VBox {

    OutputComparisonView(OutputComparison c, ResourceBundle strings) {
        getStyleClass().add("output-comparison");
        setId("comparison-" + c.name());
        Label name = new Label(c.name());
        name.getStyleClass().add("comparison-name");
        VerdictBadge status = new VerdictBadge();
        status.setKind(c.matches() ? VerdictKind.VERIFIED : VerdictKind.MISMATCH);
        status.setText(strings.getString("verification.comparison.status." + c.status().name()));
        HBox header = new HBox(name, status);
        header.getStyleClass().add("comparison-header");
        header.setAlignment(Pos.CENTER_LEFT);
        Label stats = new Label(MessageFormat.format(strings.getString("verification.comparison.stats"),
                OutputComparison.error(c.maxAbsError()), OutputComparison.error(c.maxRelError()),
                c.maxUlp() < 0 ? strings.getString("common.none") : Long.toString(c.maxUlp()), c.outOfTolerance(),
                c.elements()));
        stats.getStyleClass().add("comparison-stats");
        stats.setId("comparison-stats-" + c.name());
        Label tolerance = new Label(MessageFormat.format(strings.getString("verification.comparison.tolerance"),
                c.tolerance()));
        tolerance.getStyleClass().add("comparison-tolerance");
        getChildren().addAll(header, stats, tolerance);
        if (!c.matches() && c.reason() != null && !c.reason().isBlank()) {
            Label reason = new Label(c.reason());
            reason.getStyleClass().add("comparison-reason");
            reason.setWrapText(true);
            getChildren().add(reason);
        }
        if (!c.rows().isEmpty()) {
            getChildren().add(table(c.rows(), strings));
        }
        // the three pictures side by side, on one scale for claimed and local
        c.pictures().ifPresent(p -> {
            FlowPane pictures = new FlowPane(
                    picture(strings.getString("verification.comparison.claimedPicture"), p.claimed(), strings,
                            c.name() + "-claimed"),
                    picture(strings.getString("verification.comparison.localPicture"), p.local(), strings,
                            c.name() + "-local"),
                    picture(strings.getString("verification.comparison.differencePicture"), p.difference(), strings,
                            c.name() + "-difference"));
            pictures.getStyleClass().add("comparison-body");
            getChildren().add(pictures);
        });
    }

    private TableView<OutputComparison.ValueRow> table(List<OutputComparison.ValueRow> rows, ResourceBundle strings) {
        TableView<OutputComparison.ValueRow> table = new TableView<>();
        table.getStyleClass().addAll("tensor-table", "comparison-table");
        table.setId("values-" + getId().substring("comparison-".length()));
        table.setFixedCellSize(26);
        table.getColumns().add(column(strings.getString("verification.comparison.index"), 44,
                r -> Integer.toString(r.index())));
        table.getColumns().add(column(strings.getString("verification.comparison.claimed"), 120,
                OutputComparison.ValueRow::claimed));
        table.getColumns().add(column(strings.getString("verification.comparison.local"), 120,
                OutputComparison.ValueRow::local));
        table.getColumns().add(column(strings.getString("verification.comparison.difference"), 120,
                OutputComparison.ValueRow::difference));
        TableColumn<OutputComparison.ValueRow, String> within = column(
                strings.getString("verification.comparison.within"), 120, r -> strings.getString(
                        r.within() ? "verification.comparison.yes" : "verification.comparison.no"));
        within.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("value-within", "value-outside");
                setText(empty ? null : text);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    getStyleClass().add(getTableRow().getItem().within() ? "value-within" : "value-outside");
                }
            }
        });
        table.getColumns().add(within);
        table.getItems().setAll(rows);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnWidths.fit(table);
        table.setPrefWidth(44 + 120 * 4 + 4);
        table.setPrefHeight(table.getFixedCellSize() * rows.size() + 30);
        table.setMaxHeight(table.getFixedCellSize() * 12 + 30);
        table.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return table;
    }

    private static TableColumn<OutputComparison.ValueRow, String> column(
            String title, double width, Function<OutputComparison.ValueRow, String> value) {
        TableColumn<OutputComparison.ValueRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        FullTextCell.install(c, value);
        return c;
    }

    static Node picture(String title, Heatmap map, ResourceBundle strings, String id) {
        Label label = new Label(title);
        label.getStyleClass().add("picture-title");
        label.setWrapText(true);
        boolean difference = id.endsWith("-difference");
        Label scale = new Label(MessageFormat.format(strings.getString(difference
                        ? "verification.comparison.differenceScale" : "verification.comparison.scale"),
                difference ? OutputComparison.difference(map.low()) : OutputComparison.number(map.low()),
                difference ? OutputComparison.difference(map.high()) : OutputComparison.number(map.high())));
        scale.getStyleClass().add("picture-scale");
        VBox box = new VBox(label, HeatmapImages.view(map), scale);
        box.getStyleClass().add("picture");
        box.setId("picture-" + id);
        label.maxWidthProperty().bind(box.widthProperty());
        return box;
    }
}

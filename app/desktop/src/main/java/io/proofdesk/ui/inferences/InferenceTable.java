package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.ui.verify.CheckRow;
import io.proofdesk.ui.controls.ColumnWidths;
import io.proofdesk.ui.controls.FullTextCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inference table's behaviour: cell text, the evidence, verdict and failed-checks columns, the store's sort order shown in
 * the headers, opening a row (double-click or Enter), a row's context menu, and several rows selectable at once for
 * "Verify selected".
 */
final class InferenceTable {

    /** The table and the columns it needs by name. */
    record Columns(TableColumn<InferenceRow, String> id, TableColumn<InferenceRow, String> time,
                   TableColumn<InferenceRow, String> block, TableColumn<InferenceRow, String> model,
                   TableColumn<InferenceRow, String> mode, TableColumn<InferenceRow, String> source,
                   TableColumn<InferenceRow, String> settlement, TableColumn<InferenceRow, InferenceRow> evidence,
                   TableColumn<InferenceRow, InferenceRow> verdict, TableColumn<InferenceRow, String> failed) {
    }

    private final TableView<InferenceRow> table;
    private final Columns columns;
    private final InferencesViewModel viewModel;
    private final InferenceFormat format;
    private final ResourceBundle strings;
    private final InferenceRowMenu rowMenu;
    private boolean replacingItems;

    InferenceTable(TableView<InferenceRow> table, Columns columns, InferencesViewModel viewModel,
                   ResourceBundle strings, InferenceRowMenu rowMenu) {
        this.table = table;
        this.columns = columns;
        this.viewModel = viewModel;
        this.strings = strings;
        this.rowMenu = rowMenu;
        this.format = new InferenceFormat(strings);
    }

    void bind() {
        // the id is shortened in its cell; hovering shows the whole id
        FullTextCell.install(columns.id(), r -> r.isLoading() ? "\u2026" : InferenceFormat.shortId(r.inference().id()),
                r -> r.isLoading() ? "" : r.inference().id().toString());
        column(columns.time(), i -> InferenceFormat.time(i.timestamp()));
        column(columns.block(), i -> Long.toString(i.blockNumber()));
        column(columns.model(), i -> viewModel.namesProperty().get().label(i.model(), i.modelVersion()));
        column(columns.mode(), i -> format.mode(i.mode()));
        column(columns.source(), format::source);
        column(columns.settlement(), i -> format.settlement(i.settlement()));
        columns.evidence().setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        columns.evidence().setCellFactory(c -> new EvidenceCell(strings));
        columns.verdict().setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        columns.verdict().setCellFactory(c -> new VerdictCell(strings));
        columns.failed().setCellValueFactory(c -> new ReadOnlyStringWrapper(failedChecks(c.getValue())));
        columns.failed().setCellFactory(c -> new FailedChecksCell());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // fixed widths: a constrained policy re-measures columns as pages of rows arrive, and the columns jump
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnWidths.fit(table);
        ColumnWidths.fill(table);
        // the store sorts; the table only tells the filters which order the user asked for
        table.setSortPolicy(t -> {
            if (!replacingItems) {
                viewModel.filters().sortProperty().set(sortOf(t.getSortOrder()));
            }
            return true;
        });
        // a new list of rows clears the table's sort order; the store's order has not changed, so show it again
        viewModel.rowsProperty().addListener((o, was, now) -> {
            replacingItems = true;
            try {
                table.setItems(now);
                showSort(viewModel.filters().sortProperty().get());
            } finally {
                replacingItems = false;
            }
        });
        showSort(viewModel.filters().sortProperty().get());
        table.setRowFactory(t -> {
            TableRow<InferenceRow> row = new TableRow<>();
            rowMenu.attach(row);
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /** The ids of the selected rows that have loaded (a row still loading has no record yet). */
    List<RecordId> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull)
                .filter(r -> !r.isLoading()).map(r -> r.inference().id()).distinct().toList();
    }

    /** Redraws cells whose text depends on data that came later (model names). */
    void refresh() {
        table.refresh();
    }

    private void showSort(InferenceSort sort) {
        TableColumn<InferenceRow, String> column = sort == InferenceSort.TIME_ASC || sort == InferenceSort.TIME_DESC
                ? columns.time() : columns.block();
        column.setSortType(sort == InferenceSort.BLOCK_ASC || sort == InferenceSort.TIME_ASC
                ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(column));
    }

    private InferenceSort sortOf(List<TableColumn<InferenceRow, ?>> order) {
        if (order.isEmpty()) {
            return InferenceSort.BLOCK_DESC;
        }
        TableColumn<InferenceRow, ?> first = order.getFirst();
        boolean asc = first.getSortType() == TableColumn.SortType.ASCENDING;
        if (first == columns.time()) {
            return asc ? InferenceSort.TIME_ASC : InferenceSort.TIME_DESC;
        }
        return asc ? InferenceSort.BLOCK_ASC : InferenceSort.BLOCK_DESC;
    }

    /** The failed checks as the detail view names them, in check order; blank if none failed. */
    private String failedChecks(InferenceRow row) {
        return row.failedChecks().stream().map(c -> CheckRow.checkLabel(c, strings))
                .collect(Collectors.joining(", "));
    }

    /** Several failed checks can be wider than the column; the tooltip has them all. */
    private static final class FailedChecksCell extends TableCell<InferenceRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isEmpty();
            setText(blank ? null : item);
            setTooltip(blank ? null : new Tooltip(item));
        }
    }

    private static void column(TableColumn<InferenceRow, String> column, Function<Inference, String> text) {
        FullTextCell.install(column, r -> r.isLoading() ? "\u2026" : text.apply(r.inference()));
    }
}

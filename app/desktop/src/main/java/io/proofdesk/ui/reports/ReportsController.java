package io.proofdesk.ui.reports;

import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.inferences.InferenceFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The Reports view's list of exported files and their actions: open, show in folder, copy the hash, check. */
public final class ReportsController {

    private final ReportsViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private VBox root;
    @FXML private TableView<ReportRow> table;
    @FXML private TableColumn<ReportRow, String> createdColumn;
    @FXML private TableColumn<ReportRow, String> formatColumn;
    @FXML private TableColumn<ReportRow, String> fileColumn;
    @FXML private TableColumn<ReportRow, String> recordsColumn;
    @FXML private TableColumn<ReportRow, String> shaColumn;
    @FXML private TableColumn<ReportRow, String> statusColumn;
    @FXML private EmptyState emptyState;
    @FXML private Button openButton;
    @FXML private Button folderButton;
    @FXML private Button copyButton;
    @FXML private Button checkButton;
    @FXML private Label notice;
    @FXML private VBox checkPanel;
    @FXML private VerdictBadge checkBadge;
    @FXML private Label checkTitle;
    @FXML private TextArea checkLines;

    public ReportsController(ReportsViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        table.visibleProperty().bind(viewModel.emptyProperty().not());
        table.setItems(viewModel.rows());
        column(createdColumn, r -> InferenceFormat.time(r.entry().createdAt()));
        column(formatColumn, r -> r.entry().format().toUpperCase(Locale.ROOT));
        column(fileColumn, ReportRow::fileName);
        column(recordsColumn, r -> Integer.toString(r.entry().recordCount()));
        column(shaColumn, r -> shortHash(r.entry().sha256()));
        column(statusColumn, r -> strings.getString(r.present() ? "reports.status.present" : "reports.status.missing"));
        table.setRowFactory(t -> new ReportTableRow());
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        openButton.disableProperty().bind(none);
        folderButton.disableProperty().bind(none);
        copyButton.disableProperty().bind(none);
        checkButton.disableProperty().bind(none.or(viewModel.checkingProperty()));
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        checkPanel.managedProperty().bind(viewModel.checkTitleProperty().isNotEmpty());
        checkPanel.visibleProperty().bind(checkPanel.managedProperty());
        checkTitle.textProperty().bind(viewModel.checkTitleProperty());
        checkLines.textProperty().bind(Bindings.createStringBinding(() -> viewModel.checkProperty().get() == null
                ? "" : String.join("\n", viewModel.checkProperty().get().lines()), viewModel.checkProperty()));
        checkLines.managedProperty().bind(checkLines.textProperty().isNotEmpty());
        checkLines.visibleProperty().bind(checkLines.managedProperty());
        checkBadge.visibleProperty().bind(viewModel.checkProperty().isNotNull());
        checkBadge.managedProperty().bind(checkBadge.visibleProperty());
        viewModel.checkProperty().addListener((o, was, now) -> {
            if (now != null) {
                checkBadge.setKind(badgeKind(now.kind()));
                checkBadge.setText(strings.getString("reports.outcome." + now.kind().name()));
            }
        });
        root.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                viewModel.deactivate();
            } else if (was == null) {
                viewModel.activate();
            }
        });
    }

    private static void column(TableColumn<ReportRow, String> c, Function<ReportRow, String> value) {
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    }

    /** The first 8 and last 4 hex digits: enough to tell files apart at a glance; Copy gives all 64. */
    static String shortHash(String sha) {
        return sha.length() <= 16 ? sha : sha.substring(0, 8) + "…" + sha.substring(sha.length() - 4);
    }

    /** Same colours as verdicts, with a word: valid green, tampered red, unreadable orange, unverified and missing grey. */
    static VerdictKind badgeKind(CheckOutcome.Kind kind) {
        return switch (kind) {
            case VALID -> VerdictKind.VERIFIED;
            case TAMPERED -> VerdictKind.MISMATCH;
            case UNVERIFIED -> VerdictKind.UNVERIFIED;
            case UNREADABLE -> VerdictKind.ERROR;
            case MISSING -> VerdictKind.UNVERIFIED;
        };
    }

    private ReportRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void open() {
        viewModel.open(selected());
    }

    @FXML
    private void showInFolder() {
        viewModel.showInFolder(selected());
    }

    @FXML
    private void check() {
        viewModel.check(selected());
    }

    @FXML
    private void copyHash() {
        ReportRow row = selected();
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.entry().sha256());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** Greys out rows whose file is gone and shows the full path and hash on hover. */
    private final class ReportTableRow extends TableRow<ReportRow> {
        @Override
        protected void updateItem(ReportRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(MISSING, !empty && row != null && !row.present());
            setTooltip(empty || row == null ? null : new Tooltip(MessageFormat.format(
                    strings.getString("reports.row.tooltip"), row.entry().path(), row.entry().sha256())));
        }
    }

    private static final javafx.css.PseudoClass MISSING = javafx.css.PseudoClass.getPseudoClass("missing");
}

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

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The Reports view's list of report files and their actions: open, show in folder, copy the file's hash, check a
 * listed report or (with none selected) any file, optionally comparing the signer with a chosen public key.
 */
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
    @FXML private Button compareKeyButton;
    @FXML private Button clearKeyButton;
    @FXML private Label keyLabel;

    private final ReportFilePicker files;

    public ReportsController(ReportsViewModel viewModel, ResourceBundle strings, ReportFilePicker files) {
        this.viewModel = viewModel;
        this.strings = strings;
        this.files = files;
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
        column(shaColumn, r -> r.entry().sha256().isEmpty() ? "-" : shortHash(r.entry().sha256()));
        column(statusColumn, this::status);
        table.setRowFactory(t -> new ReportTableRow());
        viewModel.emptyHintProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                emptyState.setHint(now);
            }
        });
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        openButton.disableProperty().bind(none);
        folderButton.disableProperty().bind(none);
        copyButton.disableProperty().bind(none);
        // with no row selected, Check asks for a file: a report received from someone else
        checkButton.disableProperty().bind(viewModel.checkingProperty());
        checkButton.textProperty().bind(Bindings.when(none).then(strings.getString("reports.action.checkFile"))
                .otherwise(strings.getString("reports.action.check")));
        compareKeyButton.disableProperty().bind(viewModel.checkingProperty());
        keyLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.chosenKeyProperty().get() == null
                ? "" : MessageFormat.format(strings.getString("reports.key.chosen"),
                viewModel.chosenKeyProperty().get()), viewModel.chosenKeyProperty()));
        keyLabel.managedProperty().bind(viewModel.chosenKeyProperty().isNotNull());
        keyLabel.visibleProperty().bind(keyLabel.managedProperty());
        clearKeyButton.managedProperty().bind(keyLabel.managedProperty());
        clearKeyButton.visibleProperty().bind(keyLabel.managedProperty());
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

    private String status(ReportRow r) {
        return switch (r.status()) {
            case ON_DISK -> strings.getString("reports.status.present");
            case CHANGED -> strings.getString("reports.status.changed");
            case MISSING -> strings.getString("reports.status.missing");
            case UNREADABLE -> MessageFormat.format(strings.getString("reports.status.unreadable"), r.problem());
        };
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
        ReportRow row = selected();
        if (row != null) {
            viewModel.check(row);
            return;
        }
        Path picked = files.open(window(), strings.getString("reports.check.choose"), viewModel.folder(),
                strings.getString("reports.check.filter"), List.of("*.json", "*.pdf"));
        if (picked != null) {
            viewModel.checkFile(picked);
        }
    }

    @FXML
    private void compareKey() {
        Path picked = files.open(window(), strings.getString("reports.key.choose"), viewModel.folder(),
                strings.getString("reports.key.filter"), List.of("*.pem"));
        if (picked != null) {
            viewModel.compareWith(picked);
        }
    }

    @FXML
    private void clearKey() {
        viewModel.compareWith(null);
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
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
                    strings.getString("reports.row.tooltip"), row.entry().path(), row.entry().sha256())
                    + (row.problem() == null ? "" : "\n" + row.problem())));
        }
    }

    private static final javafx.css.PseudoClass MISSING = javafx.css.PseudoClass.getPseudoClass("missing");
}

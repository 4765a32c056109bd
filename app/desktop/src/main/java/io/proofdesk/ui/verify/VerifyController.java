package io.proofdesk.ui.verify;

import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.inferences.InferenceFormat;
import io.proofdesk.ui.inferences.InferenceNavigation;
import io.proofdesk.ui.reports.ReportFilePicker;
import io.proofdesk.ui.shell.MainViewModel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The batch verification page: start a run, see the last one and the store's verdicts, open a mismatch. */
public final class VerifyController {

    private final VerifyViewModel viewModel;
    private final MainViewModel main;
    private final InferenceNavigation navigation;
    private final ResponseCheckViewModel responseChecks;
    private final Supplier<ReportFilePicker> files;
    private final ResourceBundle strings;

    @FXML private VBox root;
    @FXML private EmptyState emptyState;
    @FXML private VBox content;
    @FXML private Button verifyAllButton;
    @FXML private Button verifySampleButton;
    @FXML private Button verifyNotCheckedButton;
    @FXML private Button checkResponseButton;
    @FXML private Label actionsHelp;
    @FXML private Label runLine;
    @FXML private Label runNote;
    @FXML private Label environment;
    @FXML private VerdictBreakdown runBreakdown;
    @FXML private VerdictBreakdown storeBreakdown;
    @FXML private VBox failedList;
    @FXML private Label failedNone;
    @FXML private ListView<MismatchRow> mismatchList;

    /** @param files asks for the gateway response file to check */
    public VerifyController(VerifyViewModel viewModel, MainViewModel main, InferenceNavigation navigation,
                            ResponseCheckViewModel responseChecks, Supplier<ReportFilePicker> files,
                            ResourceBundle strings) {
        this.viewModel = viewModel;
        this.main = main;
        this.navigation = navigation;
        this.responseChecks = responseChecks;
        this.files = files;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        content.managedProperty().bind(content.visibleProperty());
        for (Button b : new Button[] {verifyAllButton, verifySampleButton, verifyNotCheckedButton}) {
            b.disableProperty().bind(viewModel.runningProperty());
        }
        checkResponseButton.disableProperty().bind(responseChecks.checkingProperty());
        actionsHelp.setText(MessageFormat.format(strings.getString("verify.actions.help"), viewModel.threads()));
        runLine.textProperty().bind(viewModel.runLineProperty());
        runNote.textProperty().bind(viewModel.runNoteProperty());
        environment.textProperty().bind(viewModel.environmentProperty());
        environment.managedProperty().bind(environment.textProperty().isNotEmpty());
        environment.visibleProperty().bind(environment.managedProperty());
        runBreakdown.setWords(k -> strings.getString(k.wordKey()));
        storeBreakdown.setWords(k -> strings.getString(k.wordKey()));
        runBreakdown.visibleProperty().bind(viewModel.runCountsProperty().isNotNull());
        runBreakdown.managedProperty().bind(runBreakdown.visibleProperty());
        viewModel.runCountsProperty().addListener((o, was, now) -> {
            if (now != null) {
                runBreakdown.setCounts(now);
            }
        });
        viewModel.storeCountsProperty().addListener((o, was, now) -> storeBreakdown.setCounts(now));
        viewModel.failedChecks().addListener((javafx.collections.ListChangeListener<String>) c -> showFailed());
        failedNone.visibleProperty().bind(Bindings.isEmpty(viewModel.failedChecks()));
        failedNone.managedProperty().bind(failedNone.visibleProperty());
        mismatchList.setItems(viewModel.mismatches());
        mismatchList.setCellFactory(l -> new MismatchCell());
        mismatchList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(mismatchList.getSelectionModel().getSelectedItem());
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

    private void showFailed() {
        failedList.getChildren().setAll(viewModel.failedChecks().stream().map(line -> {
            Label l = new Label(line);
            l.getStyleClass().add("failed-check-line");
            return l;
        }).toList());
    }

    private void open(MismatchRow row) {
        if (row != null) {
            navigation.open(row.id());
            main.open(View.INFERENCES);
        }
    }

    @FXML
    private void verifyAll() {
        viewModel.verifyAll();
    }

    @FXML
    private void verifySample() {
        new SampleDialog(strings).ask(root.getScene().getWindow()).ifPresent(viewModel::verify);
    }

    @FXML
    private void verifyNotChecked() {
        viewModel.verifyNotChecked();
    }

    @FXML
    private void checkResponse() {
        Path file = files.get().open(root.getScene().getWindow(), strings.getString("responseCheck.chooser"), null,
                strings.getString("responseCheck.filter"), List.of("*.json"));
        if (file != null) {
            responseChecks.check(file);
        }
    }

    /** Badge + record + model + failed checks; a click opens the record's detail. */
    private final class MismatchCell extends ListCell<MismatchRow> {
        private final VerdictBadge badge = new VerdictBadge();
        private final Label qualifier = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(10, badge, qualifier, text);

        MismatchCell() {
            badge.setKind(VerdictKind.MISMATCH);
            badge.setText(strings.getString(VerdictKind.MISMATCH.wordKey()));
            // a line that wraps takes its room from the text, never from the badge's word
            badge.setMinWidth(Region.USE_PREF_SIZE);
            box.getStyleClass().add("mismatch-cell");
            text.getStyleClass().add("mismatch-text");
            qualifier.getStyleClass().add("verdict-qualifier");
            qualifier.setMinWidth(Region.USE_PREF_SIZE);
            qualifier.managedProperty().bind(qualifier.textProperty().isNotEmpty());
            qualifier.visibleProperty().bind(qualifier.managedProperty());
            text.setWrapText(true);
            // as wide as the list, never wider: long lines wrap instead of scrolling sideways
            setPrefWidth(0);
            text.maxWidthProperty().bind(mismatchList.widthProperty().subtract(150).subtract(qualifier.widthProperty()));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setOnMouseClicked(e -> {
                if (!isEmpty()) {
                    open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(MismatchRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            qualifier.setText(row.evidenceQualifier());
            text.setText(MessageFormat.format(strings.getString("verify.mismatch.cell"),
                    InferenceFormat.shortId(row.id()), row.model(), row.failedChecks()));
            // the id is shortened in the line; hovering shows it whole
            setTooltip(new Tooltip(row.id().toString()));
            setGraphic(box);
        }
    }
}

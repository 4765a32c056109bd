package io.proofdesk.ui.reports;

import io.proofdesk.domain.Verdict;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.Locale;
import java.util.ResourceBundle;

/** The export panel of the Reports view: the form, bound to {@link ReportExportViewModel}, and its folder chooser. */
public final class ReportExportController {

    private final ReportExportViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private ScrollPane root;
    @FXML private ToggleGroup scopeGroup;
    @FXML private RadioButton allRecords;
    @FXML private RadioButton byVerdict;
    @FXML private RadioButton byIds;
    @FXML private RadioButton handedOver;
    @FXML private ComboBox<Verdict> verdictCombo;
    @FXML private TextArea idsArea;
    @FXML private CheckBox pdfBox;
    @FXML private CheckBox jsonBox;
    @FXML private TextField titleField;
    @FXML private TextField folderField;
    @FXML private TextField nameField;
    @FXML private Button exportButton;
    @FXML private Label resultLabel;
    @FXML private Label gapsLabel;

    public ReportExportController(ReportExportViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        allRecords.setUserData(ReportExportViewModel.Scope.ALL);
        byVerdict.setUserData(ReportExportViewModel.Scope.VERDICT);
        byIds.setUserData(ReportExportViewModel.Scope.IDS);
        handedOver.setUserData(ReportExportViewModel.Scope.HANDED_OVER);
        scopeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.scopeProperty().set((ReportExportViewModel.Scope) now.getUserData());
            }
        });
        // the model also moves the scope (an offer from the Inferences view selects it)
        viewModel.scopeProperty().addListener((o, was, now) -> selectScope(now));
        selectScope(viewModel.scopeProperty().get());
        handedOver.managedProperty().bind(viewModel.handedOverProperty().isNotNull());
        handedOver.visibleProperty().bind(handedOver.managedProperty());
        handedOver.textProperty().bind(Bindings.createStringBinding(() -> viewModel.handedOverProperty().get() == null
                ? "" : viewModel.handedOverProperty().get().description(), viewModel.handedOverProperty()));
        // a handed-over scope is the first choice of the form: show it, after the layout the new text causes
        viewModel.handedOverProperty().addListener((o, was, now) -> Platform.runLater(() -> root.setVvalue(0)));
        verdictCombo.getItems().setAll(Verdict.values());
        verdictCombo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Verdict v) {
                return v == null ? "" : strings.getString("verdict." + v.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Verdict fromString(String s) {
                return null;
            }
        });
        verdictCombo.valueProperty().bindBidirectional(viewModel.verdictProperty());
        verdictCombo.disableProperty().bind(byVerdict.selectedProperty().not());
        idsArea.textProperty().bindBidirectional(viewModel.idsProperty());
        idsArea.disableProperty().bind(byIds.selectedProperty().not());
        pdfBox.selectedProperty().bindBidirectional(viewModel.pdfProperty());
        jsonBox.selectedProperty().bindBidirectional(viewModel.jsonProperty());
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        folderField.textProperty().bindBidirectional(viewModel.folderProperty());
        nameField.textProperty().bindBidirectional(viewModel.baseNameProperty());
        exportButton.disableProperty().bind(viewModel.runningProperty());
        resultLabel.textProperty().bind(viewModel.resultProperty());
        resultLabel.managedProperty().bind(resultLabel.textProperty().isNotEmpty());
        resultLabel.visibleProperty().bind(resultLabel.managedProperty());
        viewModel.resultKindProperty().addListener((o, was, now) -> {
            resultLabel.getStyleClass().removeAll(kindClass(was));
            resultLabel.getStyleClass().add(kindClass(now));
        });
        gapsLabel.textProperty().bind(viewModel.gapsProperty());
        gapsLabel.managedProperty().bind(gapsLabel.textProperty().isNotEmpty());
        gapsLabel.visibleProperty().bind(gapsLabel.managedProperty());
        gapsLabel.heightProperty().addListener((o, was, now) -> root.setVvalue(root.getVmax()));
        // the result is under the button: when it appears or grows, scroll the panel down to it
        resultLabel.heightProperty().addListener((o, was, now) -> root.setVvalue(root.getVmax()));
    }

    private void selectScope(ReportExportViewModel.Scope scope) {
        scopeGroup.getToggles().stream().filter(t -> t.getUserData() == scope).findFirst()
                .ifPresent(t -> scopeGroup.selectToggle(t));
    }

    private static String kindClass(ReportExportViewModel.ResultKind kind) {
        return "export-result-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @FXML
    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(strings.getString("reports.export.chooseFolder"));
        File current = new File(viewModel.folderProperty().get());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File picked = chooser.showDialog(root.getScene().getWindow());
        if (picked != null) {
            viewModel.folderProperty().set(picked.getAbsolutePath());
        }
    }

    @FXML
    private void export() {
        viewModel.export();
    }
}

package io.proofdesk.ui.inferences;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.reports.ReportHandoff;
import io.proofdesk.ui.shell.MainViewModel;
import io.proofdesk.ui.verify.BatchRequest;
import io.proofdesk.ui.verify.SampleDialog;
import io.proofdesk.ui.verify.VerificationTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

public final class InferencesController {

    private final InferencesViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private VBox listPage;
    @FXML private VBox content;
    @FXML private EmptyState emptyState;
    @FXML private ComboBox<FilterCombo.Choice<String>> modelFilter;
    @FXML private ComboBox<FilterCombo.Choice<String>> versionFilter;
    @FXML private ComboBox<FilterCombo.Choice<String>> teeFilter;
    @FXML private ComboBox<FilterCombo.Choice<String>> nodeFilter;
    @FXML private ComboBox<FilterCombo.Choice<InferenceMode>> modeFilter;
    @FXML private ComboBox<FilterCombo.Choice<SettlementKind>> settlementFilter;
    @FXML private ComboBox<FilterCombo.Choice<VerdictFilter>> verdictFilter;
    @FXML private ComboBox<FilterCombo.Choice<EvidenceLevel>> evidenceFilter;
    @FXML private TextField fromBlock;
    @FXML private TextField toBlock;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField search;
    @FXML private StackedAreaChart<Number, Number> perModelChart;
    @FXML private NumberAxis timeAxis;
    @FXML private Label chartEmpty;
    @FXML private VerdictBreakdown verdictBreakdown;
    @FXML private Label countLabel;
    @FXML private TableView<InferenceRow> table;
    @FXML private Button verifySelectedButton;
    @FXML private Button verifySampleButton;
    @FXML private Button verifyAllButton;
    @FXML private TableColumn<InferenceRow, String> idColumn;
    @FXML private TableColumn<InferenceRow, String> timeColumn;
    @FXML private TableColumn<InferenceRow, String> blockColumn;
    @FXML private TableColumn<InferenceRow, String> modelColumn;
    @FXML private TableColumn<InferenceRow, String> modeColumn;
    @FXML private TableColumn<InferenceRow, String> sourceColumn;
    @FXML private TableColumn<InferenceRow, String> settlementColumn;
    @FXML private TableColumn<InferenceRow, InferenceRow> evidenceColumn;
    @FXML private TableColumn<InferenceRow, InferenceRow> verdictColumn;
    @FXML private TableColumn<InferenceRow, String> failedColumn;
    @FXML private Label noMatch;
    @FXML private Parent detail;
    @FXML private InferenceDetailController detailController;
    private final VerificationTasks verification;
    private final MainViewModel main;
    private final ReportHandoff reportHandoff;
    private final ExplorerAccess explorer;
    // the main view-model outlives this view; held here and registered weakly
    private final ChangeListener<Boolean> searchListener = (o, was, now) -> takeSearchRequest();
    private InferenceTable inferenceTable;

    public InferencesController(InferencesViewModel viewModel, VerificationTasks verification, MainViewModel main,
                                ReportHandoff reportHandoff, ExplorerAccess explorer, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.verification = verification;
        this.main = main;
        this.reportHandoff = reportHandoff;
        this.explorer = explorer;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        content.managedProperty().bind(content.visibleProperty());
        new FilterBar(modelFilter, versionFilter, teeFilter, nodeFilter, modeFilter, settlementFilter, verdictFilter,
                evidenceFilter, fromBlock, toBlock, fromDate, toDate, search).bind(viewModel, strings);
        inferenceTable = new InferenceTable(table, new InferenceTable.Columns(idColumn, timeColumn, blockColumn, modelColumn,
                modeColumn, sourceColumn, settlementColumn, evidenceColumn, verdictColumn, failedColumn), viewModel,
                strings,
                new InferenceRowMenu(strings, explorer.baseUrl(), explorer.open()));
        inferenceTable.bind();
        noMatch.textProperty().bind(viewModel.noMatchTextProperty());
        bindVerifyActions();
        ChartCards charts = new ChartCards(new PerModelChart(perModelChart, timeAxis, chartEmpty), verdictBreakdown,
                strings);
        Function<String, String> modelLabel = m -> viewModel.namesProperty().get().label(m);
        viewModel.chartsProperty().addListener((o, was, now) -> charts.show(now, modelLabel));
        // model names come from the registry after the first rows; relabel what is already shown
        viewModel.namesProperty().addListener((o, was, now) -> {
            inferenceTable.refresh();
            charts.show(viewModel.chartsProperty().get(), modelLabel);
        });
        countLabel.textProperty().bind(viewModel.countTextProperty());
        detailController.setOnBack(viewModel::closeDetail);
        viewModel.openedProperty().addListener((o, was, now) -> {
            if (now != null) {
                detailController.show(now);
            }
            detail.setVisible(now != null);
            listPage.setVisible(now == null);
            (now == null ? table : detail).requestFocus();
        });
        // listen to the store only while this view is on screen
        listPage.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                viewModel.deactivate();
            } else if (was == null) {
                viewModel.activate();
                takeSearchRequest();
            }
        });
        main.searchRequestedProperty().addListener(new WeakChangeListener<>(searchListener));
        content.visibleProperty().addListener((o, was, now) -> takeSearchRequest());
    }

    /**
     * Ctrl+F: back to the list if a record is open, and into the search field, once this view is on screen and its
     * filter bar shows (it is hidden until the first count says there are records).
     */
    private void takeSearchRequest() {
        if (main.searchRequestedProperty().get() && search.getScene() != null && content.isVisible()) {
            main.searchHandled();
            viewModel.closeDetail();
            search.requestFocus();
            search.selectAll();
        }
    }

    private void bindVerifyActions() {
        var running = verification.runningProperty();
        verifySelectedButton.disableProperty().bind(running.or(
                Bindings.isEmpty(table.getSelectionModel().getSelectedIndices())));
        verifySampleButton.disableProperty().bind(running);
        verifyAllButton.disableProperty().bind(running);
    }

    @FXML
    private void verifySelected() {
        List<RecordId> ids = inferenceTable.selectedIds();
        if (!ids.isEmpty()) {
            verification.runBatch(BatchRequest.selected(ids));
        }
    }

    @FXML
    private void verifySample() {
        new SampleDialog(strings).ask(table.getScene().getWindow()).ifPresent(verification::runBatch);
    }

    @FXML
    private void verifyAll() {
        verification.runBatch(BatchRequest.all());
    }

    /** Hands the selected rows, or else every record the filters select, to the Reports view's export panel. */
    @FXML
    private void report() {
        ReportHandoff.Offer offer = viewModel.reportOffer(inferenceTable.selectedIds());
        reportHandoff.offer(offer.selection(), offer.description());
        main.open(View.REPORTS);
    }

    @FXML
    private void clearFilters() {
        viewModel.filters().clear();
    }

    /** The detail page's controller; verification adds its checks through it. */
    public InferenceDetailController detail() {
        return detailController;
    }
}

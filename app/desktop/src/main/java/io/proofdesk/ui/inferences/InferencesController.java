package io.proofdesk.ui.inferences;

import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.reports.ReportHandoff;
import io.proofdesk.ui.shell.MainViewModel;
import io.proofdesk.ui.verify.BatchRequest;
import io.proofdesk.ui.verify.SampleDialog;
import io.proofdesk.ui.verify.VerificationTasks;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
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
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

public final class InferencesController {

    private final InferencesViewModel viewModel;
    private final ResourceBundle strings;
    private final InferenceFormat format;

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
    @FXML private TextField fromBlock;
    @FXML private TextField toBlock;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField search;
    @FXML private StackedAreaChart<Number, Number> perModelChart;
    @FXML private NumberAxis timeAxis;
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
    @FXML private TableColumn<InferenceRow, InferenceRow> verdictColumn;
    @FXML private Parent detail;
    @FXML private InferenceDetailController detailController;
    private final VerificationTasks verification;
    private final MainViewModel main;
    private final ReportHandoff reportHandoff;
    private InferenceTable inferenceTable;

    public InferencesController(InferencesViewModel viewModel, VerificationTasks verification, MainViewModel main,
                                ReportHandoff reportHandoff, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.verification = verification;
        this.main = main;
        this.reportHandoff = reportHandoff;
        this.strings = strings;
        this.format = new InferenceFormat(strings);
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        content.managedProperty().bind(content.visibleProperty());
        bindFilters();
        inferenceTable = new InferenceTable(table, new InferenceTable.Columns(idColumn, timeColumn, blockColumn, modelColumn,
                modeColumn, sourceColumn, settlementColumn, verdictColumn), viewModel, strings);
        inferenceTable.bind();
        bindVerifyActions();
        PerModelChart chart = new PerModelChart(perModelChart, timeAxis);
        verdictBreakdown.setWords(k -> strings.getString(k.wordKey()));
        viewModel.chartsProperty().addListener((o, was, now) -> showCharts(chart, now));
        // model names come from the registry after the first rows; relabel what is already shown
        viewModel.namesProperty().addListener((o, was, now) -> {
            inferenceTable.refresh();
            showCharts(chart, viewModel.chartsProperty().get());
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
            }
        });
    }

    private void bindFilters() {
        InferenceFilters f = viewModel.filters();
        Function<String, String> model = m -> viewModel.namesProperty().get().label(m);
        FilterCombo.bind(modelFilter, f.modelProperty(), viewModel.models(), text("any.model"), model,
                viewModel.namesProperty());
        FilterCombo.bind(versionFilter, f.versionProperty(), viewModel.versions(), text("any.version"), v -> v);
        FilterCombo.bind(teeFilter, f.teeProperty(), viewModel.tees(), text("any.tee"), InferenceFormat::shorten);
        FilterCombo.bind(nodeFilter, f.nodeProperty(), viewModel.nodes(), text("any.node"), InferenceFormat::host);
        FilterCombo.bind(modeFilter, f.modeProperty(), FXCollections.observableArrayList(InferenceMode.values()),
                text("any.mode"), format::mode);
        FilterCombo.bind(settlementFilter, f.settlementProperty(),
                FXCollections.observableArrayList(SettlementKind.values()), text("any.settlement"), format::settlement);
        List<VerdictFilter> verdicts = List.of(VerdictFilter.values()).subList(1, VerdictFilter.values().length);
        FilterCombo.bind(verdictFilter, f.verdictProperty(), FXCollections.observableArrayList(verdicts),
                text("any.verdict"), v -> strings.getString("inferences.verdictFilter." + v.name()));
        versionFilter.disableProperty().bind(Bindings.isEmpty(viewModel.versions()));
        for (TextField block : List.of(fromBlock, toBlock)) {
            block.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,18}") ? c : null));
        }
        fromBlock.textProperty().bindBidirectional(f.fromBlockProperty());
        toBlock.textProperty().bindBidirectional(f.toBlockProperty());
        fromDate.valueProperty().bindBidirectional(f.fromDateProperty());
        toDate.valueProperty().bindBidirectional(f.toDateProperty());
        search.textProperty().bindBidirectional(f.searchProperty());
    }

    private String text(String key) {
        return strings.getString("inferences.filter." + key);
    }

    private void showCharts(PerModelChart chart, InferenceCharts data) {
        chart.show(ChartSeries.of(data.perModel(), data.bucket(), 6, m -> viewModel.namesProperty().get().label(m),
                strings.getString("inferences.chart.other")));
        var v = data.verdicts();
        Map<VerdictKind, Long> counts = new EnumMap<>(VerdictKind.class);
        counts.put(VerdictKind.VERIFIED, v.verified());
        counts.put(VerdictKind.MISMATCH, v.mismatch());
        counts.put(VerdictKind.UNVERIFIED, v.unverified());
        counts.put(VerdictKind.ERROR, v.error());
        counts.put(VerdictKind.NOT_CHECKED, v.notChecked());
        verdictBreakdown.setCounts(counts);
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

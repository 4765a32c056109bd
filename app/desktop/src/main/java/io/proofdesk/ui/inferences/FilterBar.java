package io.proofdesk.ui.inferences;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.ui.controls.EvidenceBadge;
import io.proofdesk.domain.SettlementKind;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.Duration;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The Inferences view's filter bar: each control bound to its filter in {@link InferenceFilters}. */
record FilterBar(ComboBox<FilterCombo.Choice<String>> model, ComboBox<FilterCombo.Choice<String>> version,
                 ComboBox<FilterCombo.Choice<String>> tee, ComboBox<FilterCombo.Choice<String>> node,
                 ComboBox<FilterCombo.Choice<InferenceMode>> mode,
                 ComboBox<FilterCombo.Choice<SettlementKind>> settlement,
                 ComboBox<FilterCombo.Choice<VerdictFilter>> verdict,
                 ComboBox<FilterCombo.Choice<EvidenceLevel>> evidence, TextField fromBlock, TextField toBlock,
                 DatePicker fromDate, DatePicker toDate, TextField search) {

    /** How long typing in the search field must pause before the search applies. */
    static final Duration SEARCH_PAUSE = Duration.millis(300);

    void bind(InferencesViewModel viewModel, ResourceBundle strings) {
        InferenceFilters f = viewModel.filters();
        InferenceFormat format = new InferenceFormat(strings);
        Function<String, String> any = key -> strings.getString("inferences.filter.any." + key);
        FilterCombo.bind(model, f.modelProperty(), viewModel.models(), any.apply("model"),
                m -> viewModel.namesProperty().get().label(m), viewModel.namesProperty());
        FilterCombo.bind(version, f.versionProperty(), viewModel.versions(), any.apply("version"), v -> v);
        FilterCombo.bind(tee, f.teeProperty(), viewModel.tees(), any.apply("tee"), InferenceFormat::shorten);
        FilterCombo.bind(node, f.nodeProperty(), viewModel.nodes(), any.apply("node"), InferenceFormat::host);
        FilterCombo.bind(mode, f.modeProperty(), FXCollections.observableArrayList(InferenceMode.values()),
                any.apply("mode"), format::mode);
        FilterCombo.bind(settlement, f.settlementProperty(),
                FXCollections.observableArrayList(SettlementKind.values()), any.apply("settlement"), format::settlement);
        List<VerdictFilter> verdicts = List.of(VerdictFilter.values()).subList(1, VerdictFilter.values().length);
        FilterCombo.bind(verdict, f.verdictProperty(), FXCollections.observableArrayList(verdicts),
                any.apply("verdict"), v -> strings.getString("inferences.verdictFilter." + v.name()));
        FilterCombo.bind(evidence, f.evidenceProperty(), FXCollections.observableArrayList(EvidenceLevel.values()),
                any.apply("evidence"), l -> strings.getString(EvidenceBadge.wordKey(l)));
        version.disableProperty().bind(Bindings.isEmpty(viewModel.versions()));
        for (TextField block : List.of(fromBlock, toBlock)) {
            block.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,18}") ? c : null));
        }
        fromBlock.textProperty().bindBidirectional(f.fromBlockProperty());
        toBlock.textProperty().bindBidirectional(f.toBlockProperty());
        fromDate.valueProperty().bindBidirectional(f.fromDateProperty());
        toDate.valueProperty().bindBidirectional(f.toDateProperty());
        bindSearch(f);
    }

    /**
     * The search applies when typing pauses, or at once on Enter: on a large store a substring search scans every
     * id, and a scan per keystroke would queue the store's reads behind each other.
     */
    private void bindSearch(InferenceFilters f) {
        PauseTransition typing = new PauseTransition(SEARCH_PAUSE);
        typing.setOnFinished(e -> f.searchProperty().set(search.getText()));
        search.setText(f.searchProperty().get());
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            f.searchProperty().set(search.getText());
        });
        // Clear filters empties the field
        f.searchProperty().addListener((o, was, now) -> {
            if (!now.equals(search.getText())) {
                search.setText(now);
            }
        });
    }
}

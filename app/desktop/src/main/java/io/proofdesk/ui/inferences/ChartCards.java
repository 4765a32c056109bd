package io.proofdesk.ui.inferences;

import io.proofdesk.store.VerdictCounts;
import io.proofdesk.ui.controls.VerdictBreakdown;
import io.proofdesk.ui.controls.VerdictKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The two chart cards above the table: inferences per model over time, and the verdict breakdown. */
final class ChartCards {

    /** The busiest models get a series each; the rest share one. */
    static final int MAX_SERIES = 6;

    private final PerModelChart perModel;
    private final VerdictBreakdown verdicts;
    private final ResourceBundle strings;

    ChartCards(PerModelChart perModel, VerdictBreakdown verdicts, ResourceBundle strings) {
        this.perModel = perModel;
        this.verdicts = verdicts;
        this.strings = strings;
        verdicts.setWords(k -> strings.getString(k.wordKey()));
    }

    /** @param modelLabel the registry's name for what records call their model */
    void show(InferenceCharts data, Function<String, String> modelLabel) {
        perModel.show(ChartSeries.of(data.perModel(), data.bucket(), MAX_SERIES, modelLabel,
                strings.getString("inferences.chart.other")));
        VerdictCounts v = data.verdicts();
        Map<VerdictKind, Long> counts = new EnumMap<>(VerdictKind.class);
        counts.put(VerdictKind.VERIFIED, v.verified());
        counts.put(VerdictKind.MISMATCH, v.mismatch());
        counts.put(VerdictKind.UNVERIFIED, v.unverified());
        counts.put(VerdictKind.ERROR, v.error());
        counts.put(VerdictKind.NOT_CHECKED, v.notChecked());
        verdicts.setCounts(counts);
    }
}

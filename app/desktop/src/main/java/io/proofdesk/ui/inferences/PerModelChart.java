package io.proofdesk.ui.inferences;

import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws {@link ChartSeries} into a stacked area chart whose x axis is time (epoch seconds, shown in UTC), with the
 * bounds, ticks and labels {@link TimeAxis} works out; an empty result shows {@code emptyNote} instead of an axis.
 */
final class PerModelChart {

    private final StackedAreaChart<Number, Number> chart;
    private final NumberAxis timeAxis;
    private final Node emptyNote;

    PerModelChart(StackedAreaChart<Number, Number> chart, NumberAxis timeAxis, Node emptyNote) {
        this.chart = chart;
        this.timeAxis = timeAxis;
        this.emptyNote = emptyNote;
        timeAxis.setAutoRanging(false);
    }

    void show(ChartSeries data) {
        Optional<TimeAxis> axis = TimeAxis.of(data);
        emptyNote.setVisible(axis.isEmpty());
        timeAxis.setTickLabelsVisible(axis.isPresent());
        axis.ifPresent(a -> {
            timeAxis.setLowerBound(a.lower());
            timeAxis.setUpperBound(a.upper());
            timeAxis.setTickUnit(a.tick());
            timeAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number seconds) {
                    return a.label(seconds.longValue());
                }

                @Override
                public Number fromString(String text) {
                    throw new UnsupportedOperationException("axis labels are not parsed");
                }
            });
        });
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        for (ChartSeries.Series s : data.series()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.label());
            long[] counts = s.counts();
            for (int i = 0; i < counts.length; i++) {
                series.getData().add(new XYChart.Data<>(data.bucketStart(i).getEpochSecond(), counts[i]));
            }
            out.add(series);
        }
        chart.getData().setAll(out);
    }
}

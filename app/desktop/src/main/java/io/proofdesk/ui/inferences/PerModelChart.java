package io.proofdesk.ui.inferences;

import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws {@link ChartSeries} into a stacked area chart whose x axis is time (epoch seconds, shown in UTC). */
final class PerModelChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StackedAreaChart<Number, Number> chart;
    private final NumberAxis timeAxis;

    PerModelChart(StackedAreaChart<Number, Number> chart, NumberAxis timeAxis) {
        this.chart = chart;
        this.timeAxis = timeAxis;
    }

    void show(ChartSeries data) {
        DateTimeFormatter f = data.bucket().compareTo(Duration.ofDays(1)) >= 0 ? DAY : HOUR;
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return f.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
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

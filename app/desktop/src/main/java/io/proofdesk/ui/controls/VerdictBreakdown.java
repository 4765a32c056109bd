package io.proofdesk.ui.controls;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** One line per verdict: badge (glyph + word + colour), a bar proportional to its share, and the count. */
public final class VerdictBreakdown extends GridPane {

    private final Map<VerdictKind, Label> counts = new EnumMap<>(VerdictKind.class);
    private final Map<VerdictKind, Region> bars = new EnumMap<>(VerdictKind.class);

    public VerdictBreakdown() {
        getStyleClass().add("verdict-breakdown");
        ColumnConstraints badge = new ColumnConstraints();
        badge.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(40);
        ColumnConstraints number = new ColumnConstraints();
        number.setHalignment(HPos.RIGHT);
        number.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().addAll(badge, bar, number);
        int row = 0;
        for (VerdictKind kind : VerdictKind.values()) {
            VerdictBadge b = new VerdictBadge();
            b.setKind(kind);
            Region fill = new Region();
            fill.getStyleClass().addAll("breakdown-bar", kind.styleClass());
            fill.setMaxWidth(0);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("breakdown-track");
            StackPane.setAlignment(fill, javafx.geometry.Pos.CENTER_LEFT);
            Label count = new Label("0");
            count.getStyleClass().add("breakdown-count");
            addRow(row++, b, track, count);
            counts.put(kind, count);
            bars.put(kind, fill);
            b.setId("breakdown-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Sets the words once (from strings.properties). */
    public void setWords(Function<VerdictKind, String> word) {
        getChildren().stream().filter(VerdictBadge.class::isInstance).map(VerdictBadge.class::cast)
                .forEach(b -> b.setText(word.apply(b.getKind())));
    }

    public void setCounts(Map<VerdictKind, Long> values) {
        long total = values.values().stream().mapToLong(Long::longValue).sum();
        NumberFormat format = NumberFormat.getIntegerInstance();
        for (VerdictKind kind : VerdictKind.values()) {
            long n = values.getOrDefault(kind, 0L);
            counts.get(kind).setText(format.format(n));
            double share = total == 0 ? 0 : (double) n / total;
            Region fill = bars.get(kind);
            Region track = (Region) fill.getParent();
            fill.maxWidthProperty().unbind();
            fill.maxWidthProperty().bind(track.widthProperty().multiply(share));
            fill.setPrefWidth(0);
        }
    }

    /** The count shown for a kind, as text; for tests. */
    public String countText(VerdictKind kind) {
        return counts.get(kind).getText();
    }
}

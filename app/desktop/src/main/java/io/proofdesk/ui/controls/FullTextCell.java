package io.proofdesk.ui.controls;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.Objects;
import java.util.function.Function;

/**
 * A table cell for text that may not fit: when the column is too narrow for it (the cell shows "…"), or when the
 * cell shows a shortened form of a longer value (an id as "0x12ab…9f:3"), hovering shows the whole value.
 *
 * @param <S> the row type
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    private final Function<S, String> full;
    private final Tooltip tooltip = new Tooltip();

    private FullTextCell(Function<S, String> full) {
        this.full = full;
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        textTruncatedProperty().subscribe(this::offerTooltip);
    }

    /** A text column whose cells show {@code text} of the row and the same text whole on hover when it is cut. */
    public static <S> void install(TableColumn<S, String> column, Function<S, String> text) {
        install(column, text, text);
    }

    /**
     * A text column whose cells show {@code text} of the row, and on hover {@code full} of the row when it is
     * longer than what the cell shows or the cell had to cut it.
     */
    public static <S> void install(TableColumn<S, String> column, Function<S, String> text, Function<S, String> full) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(full, "full");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() == null ? null : text.apply(c.getValue())));
        column.setCellFactory(c -> new FullTextCell<>(full));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        offerTooltip();
    }

    private void offerTooltip() {
        S row = getTableRow() == null ? null : getTableRow().getItem();
        String whole = isEmpty() || row == null || getText() == null ? null : full.apply(row);
        boolean more = whole != null && !whole.isBlank() && (isTextTruncated() || !whole.equals(getText()));
        if (more) {
            tooltip.setText(whole);
            setTooltip(tooltip);
        } else {
            setTooltip(null);
        }
    }
}

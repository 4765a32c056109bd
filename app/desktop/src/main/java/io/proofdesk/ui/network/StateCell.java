package io.proofdesk.ui.network;

import io.proofdesk.ui.controls.Glyph;
import io.proofdesk.ui.controls.Icon;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/**
 * A state in a table: word + glyph + colour (never colour alone), e.g. "OK" with a tick or "Error: connection
 * refused" with a warning sign; the tooltip holds the whole sentence when the column cuts it.
 */
final class StateCell<S> extends TableCell<S, S> {

    private static final String OK = "state-ok";
    private static final String BAD = "state-bad";
    private static final String UNKNOWN = "state-unknown";

    private final Function<S, Boolean> ok;
    private final Function<S, String> text;
    private final Icon icon = new Icon();

    StateCell(Function<S, Boolean> ok, Function<S, String> text) {
        this.ok = ok;
        this.text = text;
        icon.setSize(14);
        getStyleClass().add("state-cell");
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(OK, BAD, UNKNOWN);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Boolean good = ok.apply(item);
        icon.setGlyph(good == null ? Glyph.NOT_CHECKED : good ? Glyph.VERIFIED : Glyph.ERROR);
        getStyleClass().add(good == null ? UNKNOWN : good ? OK : BAD);
        String t = text.apply(item);
        setText(t);
        setGraphic(icon);
        setTooltip(t.length() > 24 ? new Tooltip(t) : null);
    }
}

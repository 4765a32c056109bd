package io.proofdesk.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.util.Subscription;

import java.util.HashMap;
import java.util.Map;

/**
 * Column widths that hold up in a real window: a column cannot become narrower than its header's words ("Head
 * block", not "Head bl…"), whether the table fits its columns to its width or the user drags a column's edge, and
 * columns squeezed by a hidden view or a narrow window get their preferred proportions back when there is room.
 * Columns stay resizable; when the window is too narrow for every header, the table scrolls sideways instead.
 */
public final class ColumnWidths {

    /** Room for the header's padding and the sort arrow. */
    private static final double ROOM = 18;
    /** What a filled table keeps free: its vertical scroll bar and border. */
    private static final double FILL_ALLOWANCE = 20;

    private ColumnWidths() {
    }

    public static void fit(TableView<?> table) {
        // a table laid out while its view was hidden, or in a narrow window, had its columns squeezed to their
        // minimum; growing from there, a constrained table shares the new space out evenly. When there is room for
        // the preferred widths again, the columns start from those, so they keep the proportions the view gave them.
        boolean[] squeezed = {true};
        table.widthProperty().subscribe(width -> {
            double preferred = table.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getPrefWidth).sum();
            if (width.doubleValue() < preferred) {
                squeezed[0] = true;
            } else if (squeezed[0]) {
                squeezed[0] = false;
                table.getVisibleLeafColumns().forEach(ColumnWidths::backToPreferredWidth);
            }
        });
        // the headers measure right only once they are styled, after the table's first layout; once is enough
        Subscription[] once = new Subscription[1];
        once[0] = table.needsLayoutProperty().subscribe(needs -> {
            if (!needs && once[0] != null && fitHeaders(table)) {
                once[0].unsubscribe();
            }
        });
    }

    /**
     * For a table whose columns keep their own widths (no constrained policy, so columns do not jump while rows
     * load): when the table is wider than its columns' preferred widths, the columns widen in proportion to fill it
     * instead of leaving an empty band on the right; narrower, they go back to their preferred widths (and the table
     * scrolls sideways). Call once, after the columns have their preferred widths.
     */
    public static void fill(TableView<?> table) {
        Map<TableColumnBase<?, ?>, Double> preferred = new HashMap<>();
        table.getVisibleLeafColumns().forEach(c -> preferred.put(c, c.getPrefWidth()));
        double total = preferred.values().stream().mapToDouble(Double::doubleValue).sum();
        table.widthProperty().subscribe(width -> {
            // room for the vertical scroll bar and the table's border
            double room = width.doubleValue() - FILL_ALLOWANCE;
            double factor = total <= 0 ? 1 : Math.max(1, room / total);
            preferred.forEach((column, base) -> column.setPrefWidth(Math.floor(base * factor)));
        });
    }

    /** A column's width follows its preferred width whenever that is set. */
    private static void backToPreferredWidth(TableColumnBase<?, ?> column) {
        double preferred = column.getPrefWidth();
        column.setPrefWidth(preferred + 1);
        column.setPrefWidth(preferred);
    }

    /** @return whether the headers were there to measure */
    private static boolean fitHeaders(TableView<?> table) {
        boolean measured = false;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label && label.getText() != null
                    && label.getSkin() != null) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double whole = Math.ceil(label.prefWidth(-1) + ROOM);
                if (column.getMinWidth() < whole) {
                    column.setMinWidth(whole);
                }
                measured = true;
            }
        }
        return measured;
    }
}

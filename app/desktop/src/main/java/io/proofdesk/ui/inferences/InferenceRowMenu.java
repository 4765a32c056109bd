package io.proofdesk.ui.inferences;

import io.proofdesk.chain.ExplorerLinks;
import io.proofdesk.domain.RecordId;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A table row's context menu: copy the record id, copy the tx hash, and open the transaction in the network's
 * explorer. The explorer item is shown only when the network has an explorer URL, read each time the menu opens,
 * as the network can change while the table is shown.
 */
final class InferenceRowMenu {

    private final ResourceBundle strings;
    private final Supplier<Optional<String>> explorerBase;
    private final Consumer<URI> browse;

    /**
     * @param explorerBase the current network's explorer base URL, if it has one
     * @param browse       opens a web page off the FX thread
     */
    InferenceRowMenu(ResourceBundle strings, Supplier<Optional<String>> explorerBase, Consumer<URI> browse) {
        this.strings = strings;
        this.explorerBase = explorerBase;
        this.browse = browse;
    }

    /** Gives {@code row} the menu while it holds a loaded record, and none while empty or loading. */
    void attach(TableRow<InferenceRow> row) {
        ContextMenu menu = new ContextMenu();
        MenuItem copyId = item("inferences.menu.copyId", "copyIdItem");
        MenuItem copyTx = item("inferences.menu.copyTx", "copyTxItem");
        MenuItem explorer = item("inferences.menu.explorer", "explorerItem");
        copyId.setOnAction(e -> idOf(row).ifPresent(id -> copy(id.toString())));
        copyTx.setOnAction(e -> idOf(row).ifPresent(id -> copy(id.txHash())));
        explorer.setOnAction(e -> idOf(row).flatMap(id -> links().transaction(id.txHash())).ifPresent(browse));
        menu.getItems().setAll(copyId, copyTx, explorer);
        menu.setOnShowing(e -> explorer.setVisible(links().available()));
        row.contextMenuProperty().bind(Bindings.createObjectBinding(
                () -> idOf(row).isPresent() ? menu : null, row.itemProperty(), row.emptyProperty()));
    }

    private ExplorerLinks links() {
        return ExplorerLinks.of(explorerBase.get());
    }

    private MenuItem item(String key, String id) {
        MenuItem item = new MenuItem(strings.getString(key));
        item.setId(id);
        return item;
    }

    private static Optional<RecordId> idOf(TableRow<InferenceRow> row) {
        InferenceRow r = row.getItem();
        return row.isEmpty() || r == null || r.isLoading() ? Optional.empty() : Optional.of(r.inference().id());
    }

    private static void copy(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }
}

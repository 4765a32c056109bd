package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static io.proofdesk.ui.FxWait.onFx;
import static io.proofdesk.ui.inferences.InferencesTriageTest.item;
import static io.proofdesk.ui.inferences.InferencesTriageTest.openMenu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row's "open in explorer": shown only while the network has a usable explorer URL, opening the tx's page. */
@ExtendWith(ApplicationExtension.class)
class InferenceRowMenuTest {

    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
    private final AtomicReference<Optional<String>> explorer = new AtomicReference<>(Optional.empty());
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final Inference record = new DemoStore(5).inferences(1).getFirst();
    private TableView<InferenceRow> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(new InferenceRow(0, record, List.of()),
                new InferenceRow(1, null, List.of())));
        TableColumn<InferenceRow, String> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().isLoading() ? "\u2026"
                : c.getValue().inference().id().toString()));
        id.setPrefWidth(500);
        table.getColumns().add(id);
        InferenceRowMenu menu = new InferenceRowMenu(strings, explorer::get, opened::add);
        table.setRowFactory(t -> {
            TableRow<InferenceRow> row = new TableRow<>();
            menu.attach(row);
            return row;
        });
        stage.setScene(new Scene(table, 600, 200));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableRow<InferenceRow> row(FxRobot robot, int index) {
        return (TableRow<InferenceRow>) robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getIndex() == index)
                .query();
    }

    @Test
    void theExplorerItemOpensTheTransactionsPageWhenTheNetworkHasAnExplorer(FxRobot robot) throws Exception {
        explorer.set(Optional.of("https://explorer.example/og/"));
        ContextMenu menu = openMenu(robot, row(robot, 0));
        assertTrue(onFx(() -> item(menu, "explorerItem").isVisible()));
        robot.clickOn(strings.getString("inferences.menu.explorer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(URI.create("https://explorer.example/og/tx/" + record.id().txHash())), opened);
    }

    @Test
    void theItemFollowsTheNetworkEachTimeTheMenuOpens(FxRobot robot) throws Exception {
        explorer.set(Optional.of("https://explorer.example"));
        ContextMenu menu = openMenu(robot, row(robot, 0));
        assertTrue(onFx(() -> item(menu, "explorerItem").isVisible()));
        robot.interact(menu::hide);

        explorer.set(Optional.empty());
        openMenu(robot, row(robot, 0));
        assertFalse(onFx(() -> item(menu, "explorerItem").isVisible()), "no explorer any more");
        robot.interact(menu::hide);

        explorer.set(Optional.of("file:///etc/passwd"));
        openMenu(robot, row(robot, 0));
        assertFalse(onFx(() -> item(menu, "explorerItem").isVisible()), "only an http(s) explorer is linked to");
        robot.interact(menu::hide);
        assertTrue(opened.isEmpty());
    }

    @Test
    void aRowStillLoadingHasNoMenu(FxRobot robot) throws Exception {
        TableRow<InferenceRow> loading = row(robot, 1);
        assertTrue(onFx(() -> loading.getItem().isLoading()));
        assertNull(onFx(loading::getContextMenu));
    }
}

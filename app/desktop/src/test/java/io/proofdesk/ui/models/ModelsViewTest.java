package io.proofdesk.ui.models;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.models.RegistryEntries.ModelEntry;
import io.proofdesk.ui.models.RegistryEntries.VersionEntry;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private List<Inference> records;
    private final DemoStore demo = new DemoStore(7);
    private final ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);

    @Start
    void start(Stage primary) throws IOException {
        records = demo.populate(new DataDirectory(dataDir), 200);
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        wiring.main().open(View.MODELS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectingAModelListsItsVersionsWithCountsAndFiles(FxRobot robot) throws Exception {
        ListView<ModelEntry> list = robot.lookup("#modelList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> list.getItems().size() == 5));
        assertFalse(robot.lookup("#emptyState").query().isVisible());
        assertEquals(List.of("credit-mlp", "digits-cnn", "price-regressor", "risk-score-f64", "sensor-gru"),
                onFx(() -> list.getItems().stream().map(m -> m.model().name()).toList()));

        robot.clickOn("credit-mlp");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<VersionEntry> versions = robot.lookup("#versionTable").queryAs(TableView.class);
        assertEquals(List.of("1.00", "2.00"), onFx(() -> versions.getItems().stream().map(v -> v.version().version()).toList()));
        for (VersionEntry v : onFx(() -> List.copyOf(versions.getItems()))) {
            long expected = records.stream().filter(i -> i.model().equals(v.version().cid())).count();
            assertEquals(expected, v.inferences(), "inferences of credit-mlp " + v.version().version());
        }
        assertEquals("Files of version 2.00", robot.lookup("#filesTitle").queryAs(Label.class).getText());
        assertRegistryFactsExplained(robot, versions);

        robot.clickOn("1.00");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> files = robot.lookup("#fileTable").queryAs(TableView.class);
        DemoStore.ZooVersion v1 = demo.zoo().getFirst();
        assertEquals(v1.cid(), onFx(() -> ((io.proofdesk.domain.ModelFile) files.getItems().getFirst()).cid()));
        assertEquals("Files of version 1.00", robot.lookup("#filesTitle").queryAs(Label.class).getText());
    }

    /**
     * The hub names no owner or creation time: "unknown" with the reason, not a dash. The block column is where the
     * chain first shows the version used: the lowest block among the records that name its CID.
     */
    private void assertRegistryFactsExplained(FxRobot robot, TableView<VersionEntry> versions) throws Exception {
        Label meta = robot.lookup("#modelMeta").queryAs(Label.class);
        assertTrue(meta.getText().startsWith("Owner unknown"), meta.getText());
        assertEquals(strings.getString("models.owner.unknown"), onFx(() -> meta.getTooltip().getText()));
        List<TableCell<?, ?>> cells = robot.from(versions).lookup(".table-cell").queryAll().stream()
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).toList();
        List<TableCell<?, ?>> created = cells.stream().filter(c -> c.getTableColumn().getId() != null
                && c.getTableColumn().getId().equals("createdColumn") && !c.isEmpty()).toList();
        assertEquals(2, created.size());
        for (TableCell<?, ?> c : created) {
            assertEquals("unknown", c.getText());
            assertEquals(strings.getString("models.created.unknown"), onFx(() -> c.getTooltip().getText()));
        }
        for (VersionEntry v : onFx(() -> List.copyOf(versions.getItems()))) {
            Inference first = records.stream().filter(i -> i.model().equals(v.version().cid()))
                    .min(Comparator.comparingLong(Inference::blockNumber)).orElseThrow();
            assertEquals(first.id(), v.firstUse().record());
            assertTrue(cells.stream().anyMatch(c -> c.getTableColumn().getId() != null
                    && c.getTableColumn().getId().equals("blockColumn")
                    && Long.toString(first.blockNumber()).equals(c.getText())
                    && c.getTooltip() != null && c.getTooltip().getText().contains(first.id().toString())),
                    "first use of " + v.version().version() + " shown with its record");
        }
    }
}

package io.proofdesk.ui;

import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.ui.inferences.InferenceRow;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiPreferencesStore;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.network.EndpointRow;
import io.proofdesk.ui.network.NetworkConfig;
import io.proofdesk.ui.network.NetworkConfigStore;
import io.proofdesk.ui.network.NodeRow;
import io.proofdesk.ui.network.StoreFacts;
import io.proofdesk.ui.shell.SyncState;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the real main window headlessly into PNGs for screenshots/ (see README):
 * {@code mvn -B -pl app/desktop -am test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dproofdesk.screenshots.dir=$PWD/screenshots}
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    // a fixed, readable folder (shown in Settings) so the PNGs do not change from run to run
    private final Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "proofdesk-screenshots");
    private final Path emptyDir = Path.of(System.getProperty("java.io.tmpdir"), "proofdesk-screenshots-empty");

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        for (Path dir : List.of(dataDir, emptyDir)) {
            for (String file : List.of(UiPreferencesStore.FILE_NAME, NetworkConfigStore.FILE_NAME, Store.DATABASE_FILE, Store.DATABASE_FILE + "-wal",
                    Store.DATABASE_FILE + "-shm", Store.LOCK_FILE)) {
                Files.deleteIfExists(dir.resolve(file));
            }
        }
        // a realistic history: the devnet's model zoo, TEE and vanilla records, mostly verified, some not
        new DemoStore(2025).populate(new DataDirectory(dataDir), 500);
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    @Test
    void rendersEveryViewInLightAndDark(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("proofdesk.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        int n = 1;
        for (View view : View.values()) {
            robot.interact(() -> wiring.main().open(view));
            waitForData(robot, view);
            // no network is started in this part: the Network view shows its empty state
            String shown = view == View.NETWORK ? "network-empty" : name(view);
            written.add(shoot(robot, dir.resolve(String.format("%02d-%s-light.png", n++, shown))));
        }
        openDetail(robot);
        written.add(shoot(robot, dir.resolve(String.format("%02d-inference-detail-light.png", n++))));

        robot.interact(() -> {
            wiring.settings().themeProperty().set(Theme.DARK);
            wiring.main().open(View.SETTINGS);
        });
        written.add(shoot(robot, dir.resolve(String.format("%02d-settings-dark.png", n++))));
        robot.interact(() -> wiring.main().open(View.VERIFY));
        written.add(shoot(robot, dir.resolve(String.format("%02d-verify-dark.png", n++))));
        robot.interact(() -> wiring.main().open(View.MODELS));
        written.add(shoot(robot, dir.resolve(String.format("%02d-models-dark.png", n++))));
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        written.add(shoot(robot, dir.resolve(String.format("%02d-inference-detail-dark.png", n++))));
        robot.interact(() -> robot.lookup("#backButton").queryButton().fire());
        written.add(shoot(robot, dir.resolve(String.format("%02d-inferences-dark.png", n++))));

        // a task held at a fixed point, so the task panel renders the same way every run
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Task<Void>> held = new AtomicReference<>();
        robot.interact(() -> {
            wiring.main().open(View.SETTINGS);
            held.set(Tasks.<Void>create(ctx -> {
                ctx.progress(62, 100);
                ctx.message("Block 3,100 of 5,000");
                release.await(30, TimeUnit.SECONDS);
                return null;
            }).titled("Syncing inference history").run(wiring.background()));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> held.get().getProgress() > 0.6).get());
        // the panel opens only when asked: the status bar's tasks button
        robot.interact(() -> robot.lookup("#tasksToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        written.add(shoot(robot, dir.resolve(String.format("%02d-tasks-dark.png", n++))));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.LIGHT));
        written.add(shoot(robot, dir.resolve(String.format("%02d-tasks-light.png", n++))));
        release.countDown();

        // before the first sync: the same views over an empty store
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        // a small demo network for the Network view at the end (the app's default is 2,000 inferences)
        new NetworkConfigStore(emptyDir.resolve(NetworkConfigStore.FILE_NAME))
                .write(NetworkConfig.FIRST_RUN.withDemoInferences(200));
        wiring = new AppWiring(new DataDirectory(emptyDir));
        robot.interact(() -> {
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> wiring.store().isOpen()).get());
        for (View view : List.of(View.MODELS, View.INFERENCES)) {
            robot.interact(() -> wiring.main().open(view));
            written.add(shoot(robot, dir.resolve(String.format("%02d-%s-empty-light.png", n++, name(view)))));
        }

        // the Network view over a real embedded demo network (200 inferences), started and synced by the app
        shootDemoNetwork(robot, dir, n, written);

        assertEquals(18, written.size());
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(WIDTH, image.getWidth(), png + " width");
            assertEquals(HEIGHT, image.getHeight(), png + " height");
            assertTrue(distinctColours(image) > 50, png + " looks blank: " + distinctColours(image) + " colours");
        }
    }

    @SuppressWarnings("unchecked")
    private void shootDemoNetwork(FxRobot robot, Path dir, int n, List<Path> written) throws Exception {
        robot.interact(() -> wiring.network().start());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> wiring.statusBar().syncProperty().get() == SyncState.UP_TO_DATE).get());
        robot.interact(() -> {
            wiring.main().open(View.NETWORK);
            wiring.network().monitor().probeNow();
        });
        TableView<NodeRow> nodes = robot.lookup("#nodeTable").queryAs(TableView.class);
        TableView<EndpointRow> endpoints = robot.lookup("#endpointTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !nodes.getItems().isEmpty()
                && nodes.getItems().stream().allMatch(r -> r.healthy() != null && r.pcr() != StoreFacts.PcrStatus.UNKNOWN)
                && endpoints.getItems().stream().allMatch(r -> r.ok() != null)
                && "in sync".equals(endpoints.getItems().getFirst().lag())).get());
        written.add(shoot(robot, dir.resolve(String.format("%02d-network-light.png", n++))));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.DARK));
        written.add(shoot(robot, dir.resolve(String.format("%02d-network-dark.png", n++))));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.LIGHT));
    }

    /**
     * Verification over a real demo network (TEE nodes running ONNX Runtime, blob store, hub): the Verify view after
     * "Verify all", and the detail of a VERIFIED and of a MISMATCH digits-cnn record re-executed on this machine, so
     * the side-by-side, the heatmaps and the attestation show real numbers.
     */
    @Test
    void rendersVerification(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("proofdesk.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path worldDir = Path.of(System.getProperty("java.io.tmpdir"), "proofdesk-screenshots-verify");
        deleteTree(worldDir);
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        List<Path> written = new ArrayList<>();
        try (VerificationWorld world = new VerificationWorld(worldDir)) {
            wiring = new AppWiring(world.dataDirectory(), world.endpoints());
            robot.interact(() -> {
                stage = new Stage();
                wiring.mainWindow().show(stage);
                stage.setWidth(WIDTH);
                stage.setHeight(HEIGHT);
                wiring.main().open(View.VERIFY);
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> wiring.store().isOpen()).get());
            robot.interact(() -> robot.lookup("#verifyAllRun").queryButton().fire());
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    wiring.verification().lastRunProperty().get() != null
                            && robot.lookup("#mismatchList").queryListView().getItems().size() == 4).get());
            closeTaskPanel(robot);
            written.add(shoot(robot, dir.resolve("19-verify-run-light.png")));

            openAndReexecute(robot, world.honestDigits, "Verified");
            written.add(shoot(robot, dir.resolve("20-detail-verified-light.png")));
            scrollTo(robot, "#comparisonCard");
            written.add(shoot(robot, dir.resolve("21-detail-verified-evidence-light.png")));
            scrollTo(robot, "#attestationPanel");
            written.add(shoot(robot, dir.resolve("22-detail-verified-attestation-light.png")));

            openAndReexecute(robot, world.forgedDigits, "Mismatch");
            written.add(shoot(robot, dir.resolve("23-detail-mismatch-light.png")));
            scrollTo(robot, "#comparisonCard");
            written.add(shoot(robot, dir.resolve("24-detail-mismatch-comparison-light.png")));
            robot.interact(() -> wiring.settings().themeProperty().set(Theme.DARK));
            written.add(shoot(robot, dir.resolve("25-detail-mismatch-comparison-dark.png")));
            scrollTo(robot, "#verdictBanner");
            written.add(shoot(robot, dir.resolve("26-detail-mismatch-dark.png")));
            robot.interact(() -> wiring.main().open(View.VERIFY));
            written.add(shoot(robot, dir.resolve("27-verify-run-dark.png")));
            robot.interact(() -> wiring.settings().themeProperty().set(Theme.LIGHT));
            robot.interact(() -> {
                stage.hide();
                wiring.close();
            });
            // @AfterEach closes what is open: an empty wiring keeps it simple
            wiring = new AppWiring(new DataDirectory(emptyDir));
            robot.interact(() -> {
                stage = new Stage();
                wiring.mainWindow().show(stage);
            });
        }
        assertEquals(9, written.size());
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(WIDTH, image.getWidth(), png + " width");
            assertTrue(distinctColours(image) > 50, png + " looks blank: " + distinctColours(image) + " colours");
        }
    }

    /**
     * The Reports view after an export from a store with verdicts: the export panel with its result, both files
     * listed, and the offline check of the JSON (valid, then tampered after one byte of it changed).
     */
    @Test
    @SuppressWarnings("unchecked")
    void rendersReports(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("proofdesk.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path reportsDir = Path.of(System.getProperty("java.io.tmpdir"), "proofdesk-screenshots-reports");
        deleteTree(reportsDir);
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        new DemoStore(2025).populate(new DataDirectory(reportsDir), 500);
        wiring = new AppWiring(new DataDirectory(reportsDir));
        robot.interact(() -> {
            stage = new Stage();
            wiring.mainWindow().show(stage);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            wiring.main().open(View.REPORTS);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> wiring.store().isOpen()).get());
        TableView<io.proofdesk.ui.reports.ReportRow> table = robot.lookup("#reportTable").queryAs(TableView.class);
        robot.interact(() -> robot.lookup("#exportRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size() == 2
                && !robot.lookup("#exportRun").queryButton().isDisabled()).get());
        int json = WaitForAsyncUtils.asyncFx(() -> "json".equals(table.getItems().get(0).entry().format()) ? 0 : 1).get();
        checkReport(robot, table, json);
        closeTaskPanel(robot);
        List<Path> written = new ArrayList<>();
        written.add(shoot(robot, dir.resolve("28-reports-light.png")));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.DARK));
        written.add(shoot(robot, dir.resolve("29-reports-dark.png")));
        robot.interact(() -> wiring.settings().themeProperty().set(Theme.LIGHT));

        Path file = WaitForAsyncUtils.asyncFx(() -> table.getItems().get(json).path()).get();
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Verification report");
        bytes[at] = 'W';
        Files.write(file, bytes);
        checkReport(robot, table, json);
        closeTaskPanel(robot);
        written.add(shoot(robot, dir.resolve("30-reports-tampered-light.png")));
        assertTrue(robot.lookup("#checkTitle").queryLabeled().getText().contains("changed after it was signed"));

        // the Inferences view's filter handed to the export panel
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        FxWait.choose(robot, "#verdictFilter", "Mismatch");
        robot.interact(() -> robot.lookup("#reportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#exportHandedOver").query().isVisible()).get());
        written.add(shoot(robot, dir.resolve("31-reports-from-inferences-light.png")));
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(WIDTH, image.getWidth(), png + " width");
            assertTrue(distinctColours(image) > 50, png + " looks blank: " + distinctColours(image) + " colours");
        }
    }

    private void checkReport(FxRobot robot, TableView<io.proofdesk.ui.reports.ReportRow> table, int row)
            throws Exception {
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            robot.lookup("#reportCheck").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !robot.lookup("#reportCheck").queryButton().isDisabled()
                        && robot.lookup("#checkBadge").query().isVisible()).get());
    }

    @SuppressWarnings("unchecked")
    private void openAndReexecute(FxRobot robot, io.proofdesk.domain.RecordId id, String verdictWord) throws Exception {
        robot.interact(() -> {
            wiring.main().open(View.INFERENCES);
            if (robot.lookup("#inferenceDetailView").query().isVisible()) {
                robot.lookup("#backButton").queryButton().fire();
            }
        });
        TableView<InferenceRow> table = robot.lookup("#table").queryAs(TableView.class);
        int[] index = {-1};
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                InferenceRow r = table.getItems().get(i);
                if (!r.isLoading() && r.inference().id().equals(id)) {
                    index[0] = i;
                    return true;
                }
            }
            return false;
        }).get());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index[0]);
        });
        robot.type(KeyCode.ENTER);
        javafx.scene.control.TextField idField = robot.lookup("#idField").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                idField.getText().equals(id.toString())).get());
        robot.interact(() -> robot.lookup("#reexecuteButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !robot.lookup("#reexecuteButton").queryButton().isDisabled()
                        && robot.lookup("#bannerWord").queryLabeled().getText().equals(verdictWord)
                        && !robot.lookup(".comparison-table").queryAll().isEmpty()).get());
        closeTaskPanel(robot);
        scrollTo(robot, "#verdictBanner");
    }

    /** The shots are of the views, not of the task panel (open only when asked; closed here in case it is). */
    private void closeTaskPanel(FxRobot robot) {
        robot.interact(() -> robot.lookup("#taskPanel").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .findFirst().ifPresent(p -> robot.from(p).lookup(".icon-button").queryButton().fire()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the detail so that {@code selector} is at the top of the view. */
    private void scrollTo(FxRobot robot, String selector) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup("#inferenceDetailView")
                    .queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node target = robot.lookup(selector).query();
            scroll.layout();
            javafx.scene.Node content = scroll.getContent();
            double y = content.sceneToLocal(target.localToScene(target.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 12) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The views over the store show their rows, charts and lists before the shot. */
    private void waitForData(FxRobot robot, View view) throws Exception {
        if (view == View.INFERENCES) {
            TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
            StackedAreaChart<?, ?> chart = robot.lookup("#perModelChart").queryAs(StackedAreaChart.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !table.getItems().isEmpty()
                    && table.getItems().stream().limit(20).noneMatch(r -> ((InferenceRow) r).isLoading())
                    && !chart.getData().isEmpty()).get());
        } else if (view == View.MODELS) {
            ListView<?> list = robot.lookup("#modelList").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !list.getItems().isEmpty()).get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a batch-settled TEE record (it has a Merkle root): the richest detail page. */
    @SuppressWarnings("unchecked")
    private void openDetail(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        TableView<InferenceRow> table = robot.lookup("#table").queryAs(TableView.class);
        int[] index = {-1};
        // rows arrive a page at a time; wait until the first page shows one
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < Math.min(200, table.getItems().size()); i++) {
                var inf = table.getItems().get(i).inference();
                if (inf != null && inf.settlement() == SettlementKind.BATCH && inf.verdict() == Verdict.VERIFIED) {
                    index[0] = i;
                    return true;
                }
            }
            return false;
        }).get());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(index[0]);
        });
        robot.type(KeyCode.ENTER);
        TableView<?> inputs = robot.lookup("#inputTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !inputs.getItems().isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path shoot(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }

    private static String name(View view) {
        return view.name().toLowerCase(Locale.ROOT);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

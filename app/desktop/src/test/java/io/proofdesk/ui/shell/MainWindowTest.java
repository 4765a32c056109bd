package io.proofdesk.ui.shell;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.WindowFit;
import io.proofdesk.ui.common.TaskOutcome;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiPreferencesStore;
import io.proofdesk.ui.common.View;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window, headless (Monocle), driven by TestFX's robot. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        wiring = newWiring();
        stage = new Stage();
        wiring.mainWindow().show(stage);
    }

    private AppWiring newWiring() throws IOException {
        return new AppWiring(new DataDirectory(dataDir));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    private static String name(View view) {
        String lower = view.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
    }

    private void assertShowing(FxRobot robot, View view) throws Exception {
        String id = "#" + view.name().toLowerCase(Locale.ROOT) + "View";
        Node root = robot.from(stage.getScene().getRoot()).lookup(id).query();
        assertTrue(onFx(() -> root.getScene() == stage.getScene() && root.isVisible()), view + " is shown");
        for (View other : View.values()) {
            if (other != view) {
                String otherId = "#" + other.name().toLowerCase(Locale.ROOT) + "View";
                assertTrue(robot.from(stage.getScene().getRoot()).lookup(otherId).tryQuery().isEmpty(),
                        other + " is not in the window while " + view + " is");
            }
        }
        ToggleButton nav = robot.from(stage.getScene().getRoot()).lookup("#nav" + name(view)).queryAs(ToggleButton.class);
        assertTrue(nav.isSelected(), "sidebar marks " + view);
        assertEquals(view, wiring.main().current());
    }

    @Test
    void opensOnNetwork(FxRobot robot) throws Exception {
        assertShowing(robot, View.NETWORK);
        Label title = robot.from(stage.getScene().getRoot()).lookup(".empty-state-title").queryAs(Label.class);
        assertEquals("No network connected yet", title.getText());
    }

    @ParameterizedTest(name = "clicking {0} in the sidebar shows it")
    @EnumSource(View.class)
    void navigatesByClick(View view, FxRobot robot) throws Exception {
        robot.clickOn("#nav" + name(view));
        WaitForAsyncUtils.waitForFxEvents();
        assertShowing(robot, view);
    }

    @Test
    void clickingTheSelectedSectionKeepsItSelected(FxRobot robot) throws Exception {
        robot.clickOn("#navNetwork");
        WaitForAsyncUtils.waitForFxEvents();
        assertShowing(robot, View.NETWORK);
    }

    @Test
    void navigatesByCtrlDigits(FxRobot robot) throws Exception {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        View[] views = View.values();
        for (int i = views.length - 1; i >= 0; i--) {
            robot.press(KeyCode.CONTROL, digits[i]).release(digits[i], KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertShowing(robot, views[i]);
        }
    }

    @Test
    void aShortcutPutsTheFocusOnTheSectionsFirstControlASidebarClickKeepsItInTheSidebar(FxRobot robot)
            throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("verifyAllRun", onFx(() -> stage.getScene().getFocusOwner().getId()),
                "Verify's main action has the focus, so Space runs it");
        robot.clickOn("#navModels");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("navModels", onFx(() -> stage.getScene().getFocusOwner().getId()));
    }

    @Test
    void themeSwitchChangesStylesheetsAndIsRemembered(FxRobot robot) throws Exception {
        assertTrue(stage.getScene().getStylesheets().contains(Theme.LIGHT.themeStylesheet()));
        double lightSidebar = sidebarBrightness(robot);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        robot.clickOn("#darkTheme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK.stylesheets(), stage.getScene().getStylesheets());
        double darkSidebar = sidebarBrightness(robot);
        assertTrue(darkSidebar < 0.2 && lightSidebar > 0.8, "sidebar " + lightSidebar + " -> " + darkSidebar);

        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        assertTrue(Files.readString(dataDir.resolve(UiPreferencesStore.FILE_NAME)).contains("theme=DARK"));

        wiring = newWiring();
        robot.interact(() -> {
            stage = new Stage();
            wiring.mainWindow().show(stage);
        });
        assertTrue(stage.getScene().getStylesheets().contains(Theme.DARK.themeStylesheet()));
        assertFalse(stage.getScene().getStylesheets().contains(Theme.LIGHT.themeStylesheet()));
    }

    @Test
    void sidebarButtonTogglesTheTheme(FxRobot robot) {
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, wiring.settings().theme());
        assertTrue(stage.getScene().getStylesheets().contains(Theme.DARK.themeStylesheet()));
        assertEquals("Light theme", robot.lookup("#themeButton").queryButton().getText());
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT, wiring.settings().theme());
    }

    private double sidebarBrightness(FxRobot robot) {
        Region sidebar = robot.from(stage.getScene().getRoot()).lookup(".sidebar").queryAs(Region.class);
        return ((Color) sidebar.getBackground().getFills().getFirst().getFill()).getBrightness();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskShowsInTheStatusBarAndThePanelOpensOnlyWhenAskedThenKeepsItsEnding(FxRobot robot) throws Exception {
        Node panel = robot.from(stage.getScene().getRoot()).lookup(".task-panel").query();
        ToggleButton toggle = robot.lookup("#tasksToggle").queryAs(ToggleButton.class);
        ProgressBar statusProgress = robot.lookup(".status-progress").queryAs(ProgressBar.class);
        assertFalse(panel.isVisible(), "panel starts closed");
        assertFalse(statusProgress.isVisible(), "nothing running, no progress in the status bar");

        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Task<Void>> started = new AtomicReference<>();
        robot.interact(() -> started.set(Tasks.<Void>create(ctx -> {
            for (int step = 1; step <= 200 && release.getCount() > 0; step++) {
                ctx.checkCancelled();
                ctx.progress(step, 200);
                ctx.message("Step " + step + " of 200");
                Thread.sleep(50);
            }
            return null;
        }).titled("Test task").run(wiring.background())));
        Task<?> task = started.get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> task.getProgress() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(panel::isVisible), "work starting does not cover the view");
        assertTrue(onFx(statusProgress::isVisible), "the status bar shows that work runs");
        assertTrue(onFx(() -> statusProgress.getProgress() > 0));
        assertEquals("1 task running", toggle.getText());

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(panel::isVisible), "the status bar's button opens the panel");
        assertTrue(onFx(() -> WindowFit.insideWindow(panel)), "the panel floats inside the window");
        ProgressBar bar = robot.from(panel).lookup(".task-progress").queryAs(ProgressBar.class);
        assertTrue(onFx(() -> bar.getProgress() > 0));
        assertEquals("Test task", robot.from(panel).lookup(".task-title").queryAs(Label.class).getText());
        assertTrue(robot.from(panel).lookup(".task-message").queryAs(Label.class).getText().matches("Step \\d+ of 200"));

        robot.clickOn(robot.from(panel).lookup(".task-cancel").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> task.getState() == Worker.State.CANCELLED));
        release.countDown();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> wiring.background().visibleTasks().isEmpty()));
        ListView<?> running = robot.from(panel).lookup("#taskList").queryAs(ListView.class);
        assertTrue(running.getItems().isEmpty(), "the cancelled task left the running list");
        assertEquals("No tasks running", toggle.getText());
        assertFalse(onFx(statusProgress::isVisible));
        assertTrue(onFx(() -> wiring.notices().messageProperty().get().isEmpty()), "a cancel is not an error");
        // ... and is in the history, with how it ended and how long it ran
        ListView<TaskOutcome> history = robot.from(panel).lookup("#taskHistory").queryAs(ListView.class);
        TaskOutcome ended = onFx(() -> history.getItems().getFirst());
        assertEquals("Test task", ended.title());
        assertEquals(TaskOutcome.Ending.CANCELLED, ended.ending());
        assertTrue(ended.took().toMillis() > 0, ended.toString());
        String shown = onFx(() -> robot.from(history).lookup(".task-ending").queryAs(Label.class).getText());
        assertTrue(shown.matches("Cancelled after \\d+ ms|Cancelled after \\d+\\.\\d s"), shown);
        robot.clickOn(robot.from(panel).lookup(".icon-button").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(panel::isVisible));
        assertFalse(toggle.isSelected());
    }

    @Test
    void anAnnouncedTaskEndsWithANotificationInsideTheWindowWithItsWholeSentence(FxRobot robot) throws Exception {
        // long enough to be cut on one line (item 8 of issue 16: "...00 verified inferences do not match")
        String summary = "2,000 inferences checked: 1,742 verified, 213 mismatch, 40 unverified, 5 error. "
                + "Failed checks: Attestation, Batch inclusion, Settled blob, Model file, Re-execution, TEE signature, "
                + "TEE registry status.";
        robot.interact(() -> Tasks.create(ctx -> 213).titled("Verifying all inferences").announce(n -> summary)
                .attentionWhen(n -> n > 0).run(wiring.background()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !WindowFit.notifications().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        Node toast = onFx(() -> WindowFit.notifications().getLast());
        // (once it has slid in: ControlsFX animates it into place)
        assertTrue(WindowFit.settlesInside(toast, stage), () -> WindowFit.describe(toast, stage));
        Label text = robot.from(toast).lookup(".task-toast-text").queryAs(Label.class);
        assertEquals(summary, text.getText());
        assertFalse(onFx(text::isTextTruncated), "the sentence is whole: it wraps instead of being cut");
        assertEquals("Verifying all inferences", robot.from(toast).lookup(".task-toast-title").queryAs(Label.class).getText());
        assertTrue(robot.from(toast).lookup(".task-toast-ending").queryAs(Label.class).getText()
                .endsWith("needs a look"));
        // the history has it too
        TaskOutcome outcome = onFx(() -> wiring.background().history().recent().getFirst());
        assertEquals(summary, outcome.summary());
        assertTrue(outcome.announced() && outcome.attention());
    }

    @Test
    void windowGeometryIsRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
        wiring = newWiring();
        robot.interact(() -> {
            stage = new Stage();
            wiring.mainWindow().show(stage);
        });
        assertEquals(40, stage.getX());
        assertEquals(30, stage.getY());
        assertEquals(1000, stage.getWidth());
        assertEquals(700, stage.getHeight());
    }

    @Test
    void aFailedTaskShowsASentenceNotAStackTrace(FxRobot robot) throws Exception {
        robot.interact(() -> Tasks.create(ctx -> {
            throw new IOException("node http://127.0.0.1:9 did not answer within 5 s");
        }).run(wiring.background()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(() -> !wiring.notices().messageProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.from(stage.getScene().getRoot()).lookup(".banner-text").queryAs(Label.class);
        assertNotNull(text);
        assertTrue(onFx(() -> text.getParent().isVisible()));
        assertEquals("Node http://127.0.0.1:9 did not answer within 5 s.", text.getText());
        robot.clickOn(".banner-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> text.getParent().isVisible()));
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
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
import java.util.concurrent.TimeUnit;

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
    void aTaskShowsProgressInThePanelAndCancelsFromIt(FxRobot robot) throws Exception {
        Node panel = robot.from(stage.getScene().getRoot()).lookup(".task-panel").query();
        assertFalse(panel.isVisible(), "panel starts closed");

        // long enough to be caught running, short enough not to slow the suite if cancelling were broken
        robot.interact(() -> Tasks.<Integer>create(ctx -> {
            for (int i = 1; i <= 200; i++) {
                ctx.checkCancelled();
                Thread.sleep(50);
                ctx.progress(i, 200);
                ctx.message("Step " + i + " of 200");
            }
            return 200;
        }).titled("Counting").run(wiring.background()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> wiring.background().visibleTasks().size() == 1));
        Task<?> task = onFx(() -> wiring.background().visibleTasks().getFirst());
        assertTrue(onFx(panel::isVisible), "panel opens when work starts");

        ProgressBar bar = robot.from(panel).lookup(".task-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> bar.getProgress() > 0));
        assertEquals("Counting", robot.from(panel).lookup(".task-title").queryAs(Label.class).getText());
        assertTrue(robot.from(panel).lookup(".task-message").queryAs(Label.class).getText().matches("Step \\d+ of 200"));
        assertEquals("1 task running", robot.lookup("#tasksToggle").queryAs(ToggleButton.class).getText());

        robot.clickOn(robot.from(panel).lookup(".task-cancel").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> task.getState() == Worker.State.CANCELLED));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> wiring.background().visibleTasks().isEmpty()));
        ListView<?> list = robot.from(panel).lookup(".task-list").queryAs(ListView.class);
        assertTrue(list.getItems().isEmpty(), "the cancelled task left the panel");
        assertEquals("No tasks running", robot.lookup("#tasksToggle").queryAs(ToggleButton.class).getText());
        assertTrue(onFx(() -> wiring.notices().messageProperty().get().isEmpty()), "a cancel is not an error");
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

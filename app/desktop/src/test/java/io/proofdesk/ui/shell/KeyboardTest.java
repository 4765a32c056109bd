package io.proofdesk.ui.shell;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.AppWiring;
import io.proofdesk.ui.DemoStore;
import io.proofdesk.ui.common.View;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.proofdesk.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's keys: Escape and Alt+Left leave a record, Ctrl+F goes to the Inferences search, Ctrl+Q quits. */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    @TempDir
    Path dataDir;

    private AppWiring wiring;
    private Stage stage;
    private final AtomicInteger closeRequests = new AtomicInteger();

    @Start
    void start(Stage primary) throws IOException {
        new DemoStore(7).populate(new DataDirectory(dataDir), 60);
        wiring = new AppWiring(new DataDirectory(dataDir));
        stage = new Stage();
        wiring.mainWindow().show(stage);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> closeRequests.incrementAndGet());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            wiring.close();
        });
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the Inferences view and the first record's detail with Enter. */
    private void openFirstRecord(FxRobot robot) throws Exception {
        robot.interact(() -> wiring.main().open(View.INFERENCES));
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> count.getText().startsWith("60")
                && !table.getItems().isEmpty()));
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> detailShown(robot)));
    }

    private static boolean detailShown(FxRobot robot) {
        return robot.lookup("#inferenceDetailView").query().isVisible()
                && !robot.lookup("#listPage").query().isVisible();
    }

    @Test
    void escapeAndAltLeftLeaveARecord(FxRobot robot) throws Exception {
        openFirstRecord(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> detailShown(robot)), "Escape goes back to the list");
        assertTrue(onFx(() -> robot.lookup("#listPage").query().isVisible()));

        robot.clickOn(robot.lookup(".table-row-cell").nth(1).queryAs(Node.class)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> detailShown(robot)));
        // from inside the record, not only from the page itself
        robot.clickOn("#idField");
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> detailShown(robot)), "Alt+Left goes back to the list");
    }

    @Test
    void ctrlFGoesToTheInferencesSearchFromAnyView(FxRobot robot) throws Exception {
        assertEquals(View.NETWORK, wiring.main().current());
        shortcut(robot, KeyCode.F);
        assertEquals(View.INFERENCES, wiring.main().current(), "the Inferences view opens");
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(search::isFocused));

        openFirstRecord(robot);
        shortcut(robot, KeyCode.F);
        assertFalse(onFx(() -> detailShown(robot)), "from a record, back to the list");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(search::isFocused));
        assertSame(search, onFx(() -> stage.getScene().getFocusOwner()));

        robot.interact(() -> wiring.main().open(View.SETTINGS));
        shortcut(robot, KeyCode.F);
        assertEquals(View.INFERENCES, wiring.main().current());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(search::isFocused));
        assertFalse(onFx(() -> wiring.main().searchRequestedProperty().get()), "the request was taken once");
    }

    @Test
    void ctrlQClosesTheWindowAsClosingItDoes(FxRobot robot) throws Exception {
        assertTrue(onFx(stage::isShowing));
        shortcut(robot, KeyCode.Q);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
        assertEquals(1, closeRequests.get(), "the same close request the window's close button sends");
        assertTrue(wiring.settings().window().isPresent(), "what closing does on the way ran: the geometry is kept");
    }
}

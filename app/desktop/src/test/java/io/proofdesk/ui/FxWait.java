package io.proofdesk.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reads UI state on the FX thread from a test, and picks drop-down entries as a person would. */
public final class FxWait {

    private FxWait() {
    }

    public static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    /** Picks an entry of a drop-down by its text (table cells may read the same). */
    public static void choose(org.testfx.api.FxRobot robot, String combo, String text) {
        robot.clickOn(combo);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> text.equals(c.getText()))
                .queryAs(javafx.scene.control.ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.TaskOutcome;
import io.proofdesk.ui.controls.Icon;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.ResourceBundle;

/**
 * A ControlsFX notification in the main window's bottom-right corner when an announced task (sync, verification,
 * export) ends: glyph + title + how it ended + the task's counts, never colour alone. Clicking it opens the task
 * history. The notification is owned by the main window, so it is placed inside that window, and its text wraps
 * to a fixed width, so a long sentence makes it taller, never wider than the window.
 */
public final class TaskNotifier {

    private static final System.Logger LOG = System.getLogger(TaskNotifier.class.getName());
    static final Duration SHOWN_FOR = Duration.seconds(10);
    /** Space between a notification and the window's side edges. */
    private static final double MARGIN = 12;

    private final TaskPanelViewModel panel;
    private final ResourceBundle strings;
    private Window owner;

    public TaskNotifier(TaskPanelViewModel panel, ResourceBundle strings) {
        this.panel = panel;
        this.strings = strings;
        panel.history().addListener((ListChangeListener<TaskOutcome>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().stream().filter(TaskOutcome::announced).forEach(this::show);
                }
            }
        });
    }

    /** The window notifications belong to; until one is attached (and after it closes) nothing is shown. */
    public void attach(Window window) {
        this.owner = window;
    }

    private void show(TaskOutcome outcome) {
        Window window = owner;
        if (window == null || !window.isShowing()) {
            return; // closing, or a headless run: the task history keeps the outcome
        }
        try {
            Node body = content(outcome);
            Notifications.create().owner(window).position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN_FOR)
                    .styleClass("task-notification").graphic(body).onAction(e -> panel.openProperty().set(true)).show();
            keepInside(body, window);
        } catch (RuntimeException e) {
            // a notification is a courtesy; the task history and the views already show the outcome
            LOG.log(System.Logger.Level.WARNING, "cannot show the notification for '" + outcome.title() + "'", e);
        }
    }

    /**
     * ControlsFX places the notification's window, not its frame: the frame sits inside the window's shadow margin,
     * which can push its right edge past the main window's. Whenever the frame's size changes it is moved back
     * sideways inside the window. (Its height is placed and animated by ControlsFX; a small shadow keeps it inside.)
     */
    private static void keepInside(Node body, Window window) {
        if (body.getScene() == null || !(body.getScene().getWindow() instanceof PopupWindow popup)) {
            return;
        }
        Node frame = body;
        while (frame.getParent() != null && !frame.getStyleClass().contains("notification-bar")) {
            frame = frame.getParent();
        }
        Node bar = frame;
        Runnable place = () -> {
            Bounds b = bar.localToScreen(bar.getLayoutBounds());
            Parent root = window.getScene().getRoot();
            Bounds area = root.localToScreen(root.getLayoutBounds());
            if (b == null || area == null) {
                return;
            }
            double dx = Math.min(0, area.getMaxX() - MARGIN - b.getMaxX());
            dx = Math.max(dx, area.getMinX() + MARGIN - b.getMinX());
            if (dx != 0) {
                popup.setAnchorX(popup.getAnchorX() + dx);
            }
        };
        place.run();
        if (bar instanceof Region region) {
            region.widthProperty().subscribe(place);
            region.heightProperty().subscribe(place);
        }
    }

    /** The notification's body; ControlsFX only frames it (with its close button). */
    Node content(TaskOutcome outcome) {
        Icon icon = new Icon(TaskHistoryCell.glyph(outcome), 26);
        icon.getStyleClass().addAll("task-toast-icon", TaskTexts.tone(outcome));
        Label title = new Label(outcome.title());
        title.getStyleClass().add("task-toast-title");
        title.setWrapText(true);
        Label ending = new Label(TaskTexts.ending(outcome, strings));
        ending.getStyleClass().addAll("task-toast-ending", TaskTexts.tone(outcome));
        Label summary = new Label(outcome.summary());
        summary.getStyleClass().add("task-toast-text");
        summary.setWrapText(true);
        summary.setVisible(!outcome.summary().isBlank());
        summary.setManaged(summary.isVisible());
        Label hint = new Label(strings.getString("tasks.notify.open"));
        hint.getStyleClass().add("task-toast-hint");
        hint.setWrapText(true);
        VBox texts = new VBox(3, title, ending, summary, hint);
        texts.getStyleClass().add("task-toast-texts");
        HBox.setHgrow(texts, Priority.ALWAYS);
        HBox box = new ToastBox(icon, texts);
        box.getStyleClass().add("task-toast");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    /**
     * The notification frame asks its content for a height without saying the width; wrapped text is then measured
     * as one line and cut. This box answers for its own (fixed, CSS-given) width instead.
     */
    private static final class ToastBox extends HBox {

        ToastBox(Node... children) {
            super(12, children);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? prefWidth(-1) : width);
        }
    }
}

package io.proofdesk.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What "the window fits" means, as checks on a showing scene (call on the FX thread): every button is inside the
 * window and shows its whole text, table headers are whole, and no view needs sideways scrolling.
 */
public final class WindowFit {

    private static final double SLACK = 0.5;

    private WindowFit() {
    }

    /** Each problem as a sentence naming the node; empty when the window fits. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        double w = scene.getWidth();
        double h = scene.getHeight();
        Bounds root = scene.getRoot().getLayoutBounds();
        if (root.getWidth() > w + SLACK) {
            problems.add("the window's content is " + root.getWidth() + " px wide in a " + w + " px window");
        }
        walk(scene.getRoot(), node -> {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (node instanceof ButtonBase button) {
                if (b.getMinX() < -SLACK || b.getMaxX() > w + SLACK) {
                    problems.add(describe(button) + " is outside the window sideways: " + b.getMinX() + ".." + b.getMaxX());
                }
                if (!inScroll(button) && (b.getMinY() < -SLACK || b.getMaxY() > h + SLACK)) {
                    problems.add(describe(button) + " is outside the window vertically: " + b.getMinY() + ".." + b.getMaxY());
                }
                if (button.getText() != null && !button.getText().isBlank() && button.isTextTruncated()) {
                    problems.add(describe(button) + " is cut short");
                }
            }
            if (node instanceof TableView<?> table) {
                for (Node header : table.lookupAll(".column-header .label")) {
                    if (header instanceof Label label && showing(label) && label.isTextTruncated()) {
                        problems.add("the header '" + label.getText() + "' of table " + table.getId() + " is cut short");
                    }
                }
            }
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                    && bar.getParent() instanceof Node parent && parent.getStyleClass().contains("scroll-pane")
                    && parent.getStyleClass().contains("view-scroll")) {
                problems.add("the view " + ((ScrollPane) parent).getId() + " scrolls sideways");
            }
        });
        return problems;
    }

    /** The node's screen bounds lie inside its own window's scene. */
    public static boolean insideWindow(Node node) {
        return insideWindow(node, node.getScene().getWindow());
    }

    /** The node's screen bounds lie inside {@code window}'s scene (its content area). */
    public static boolean insideWindow(Node node, Window window) {
        Bounds n = node.localToScreen(node.getLayoutBounds());
        Parent content = window.getScene().getRoot();
        Bounds area = content.localToScreen(content.getLayoutBounds());
        return n.getMinX() >= area.getMinX() - SLACK && n.getMaxX() <= area.getMaxX() + SLACK
                && n.getMinY() >= area.getMinY() - SLACK && n.getMaxY() <= area.getMaxY() + SLACK;
    }

    /** Waits (up to 5 s, for animations) until the node lies inside {@code window}; false if it never does. */
    public static boolean settlesInside(Node node, Window window) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (FxWait.onFx(() -> insideWindow(node, window))) {
                    return true;
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    /** Where a node is on screen, and where the window's content is, for a failure's message. */
    public static String describe(Node node, Window window) {
        try {
            return FxWait.onFx(() -> "node at " + node.localToScreen(node.getLayoutBounds()) + ", window content at "
                    + window.getScene().getRoot().localToScreen(window.getScene().getRoot().getLayoutBounds()));
        } catch (Exception e) {
            return "(bounds unknown: " + e + ")";
        }
    }

    /** The end-of-task notifications showing now (their framed bars), oldest first. */
    public static List<Node> notifications() {
        List<Node> bars = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow && window.isShowing() && window.getScene() != null) {
                Node toast = window.getScene().getRoot().lookup(".task-toast");
                if (toast != null) {
                    Node bar = toast;
                    while (bar.getParent() != null && !bar.getStyleClass().contains("notification-bar")) {
                        bar = bar.getParent();
                    }
                    bars.add(bar);
                }
            }
        }
        return bars;
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Inside a scroll pane a node may be below the fold; only its sideways position must fit. */
    private static boolean inScroll(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** Visits the showing nodes: a hidden node's subtree is not on screen. */
    private static void walk(Node node, Consumer<Node> visit) {
        if (!node.isVisible()) {
            return;
        }
        visit.accept(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }

    private static String describe(ButtonBase button) {
        return "the button '" + (button.getText() == null || button.getText().isBlank()
                ? (button.getAccessibleText() == null ? button.getId() : button.getAccessibleText()) : button.getText())
                + "'";
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiSettings;
import io.proofdesk.ui.common.ViewLoader;
import io.proofdesk.ui.common.WindowGeometry;
import io.proofdesk.ui.verify.ResponseCheckEntry;
import io.proofdesk.ui.startup.StartupTrace;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.net.URL;
import java.util.Objects;
import java.util.Optional;

/** Puts the main view on a stage: theme, shortcuts, and the window's remembered place and size. */
public final class MainWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final URL FXML = Objects.requireNonNull(
            MainWindow.class.getResource("/io/proofdesk/ui/shell/MainView.fxml"), "missing MainView.fxml");

    private final ViewLoader loader;
    private final UiSettings settings;
    private final TaskNotifier notifier;
    private final ResponseCheckEntry responseChecks;

    /** @param responseChecks takes gateway response files dropped on the window and shows their checks */
    public MainWindow(ViewLoader loader, UiSettings settings, TaskNotifier notifier, ResponseCheckEntry responseChecks) {
        this.loader = loader;
        this.settings = settings;
        this.notifier = notifier;
        this.responseChecks = responseChecks;
    }

    public void show(Stage stage) {
        ViewLoader.Loaded<MainController> main = loader.load(FXML);
        StartupTrace.mark("main_view_loaded");
        Optional<WindowGeometry> saved = settings.window().filter(MainWindow::onSomeScreen);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(main.root(), saved.map(WindowGeometry::width).orElse(firstSize(DEFAULT_WIDTH,
                screen.getWidth())), saved.map(WindowGeometry::height).orElse(firstSize(DEFAULT_HEIGHT,
                screen.getHeight())));
        scene.getStylesheets().setAll(settings.theme().stylesheets());
        ChangeListener<Theme> themeListener = (o, was, now) -> scene.getStylesheets().setAll(now.stylesheets());
        settings.themeProperty().addListener(themeListener);
        main.controller().installShortcuts(scene);
        Runnable detachResponseChecks = responseChecks.attach(scene);

        stage.setTitle(loader.strings().getString("app.title"));
        stage.setMinWidth(WindowGeometry.MIN_WIDTH);
        stage.setMinHeight(WindowGeometry.MIN_HEIGHT);
        stage.setScene(scene);
        saved.ifPresentOrElse(g -> {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setMaximized(g.maximized());
        }, stage::centerOnScreen);
        // setOnHiding (not addEventHandler) so a stage that is shown again does not pile up stale handlers
        stage.setOnHiding(e -> {
            settings.themeProperty().removeListener(themeListener);
            detachResponseChecks.run();
            settings.rememberWindow(geometryOf(stage));
        });
        notifier.attach(stage);
        stage.show();
        StartupTrace.mark("shown");
    }

    /** The first window fits the screen: 1280x800 where there is room, the whole screen on a smaller one. */
    static double firstSize(double wanted, double screen) {
        return screen > 0 ? Math.min(wanted, screen) : wanted;
    }

    /** A maximized window keeps the size it had before, so un-maximizing next time restores something sensible. */
    private WindowGeometry geometryOf(Stage stage) {
        if (stage.isMaximized()) {
            WindowGeometry before = settings.window().orElse(new WindowGeometry(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, true));
            return new WindowGeometry(before.x(), before.y(), before.width(), before.height(), true);
        }
        return new WindowGeometry(stage.getX(), stage.getY(), Math.max(stage.getWidth(), WindowGeometry.MIN_WIDTH),
                Math.max(stage.getHeight(), WindowGeometry.MIN_HEIGHT), false);
    }

    /** A monitor that was unplugged since last time must not leave the window where nobody can see it. */
    private static boolean onSomeScreen(WindowGeometry g) {
        return !Screen.getScreensForRectangle(g.x(), g.y(), g.width(), g.height()).isEmpty();
    }
}

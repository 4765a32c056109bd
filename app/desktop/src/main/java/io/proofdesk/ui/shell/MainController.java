package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiSettings;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.common.ViewLoader;
import io.proofdesk.ui.controls.Glyph;
import io.proofdesk.ui.controls.Icon;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.scene.shape.Rectangle;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

public final class MainController {

    private final MainViewModel viewModel;
    private final UiSettings settings;
    private final ErrorNotices notices;
    private final ViewLoader loader;
    private final ResourceBundle strings;
    private final Map<View, Parent> loaded = new EnumMap<>(View.class);
    // the view-model outlives this window; the listener is held here and registered weakly
    private final ChangeListener<View> viewListener = (o, was, now) -> show(now);
    // a click in the sidebar keeps the focus there; a shortcut or --open moves it into the section it opens
    private boolean openingFromSidebar;

    @FXML private ToggleGroup nav;
    @FXML private StackPane content;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button themeButton;

    public MainController(MainViewModel viewModel, UiSettings settings, ErrorNotices notices, ViewLoader loader,
                          ResourceBundle strings) {
        this.viewModel = viewModel;
        this.settings = settings;
        this.notices = notices;
        this.loader = loader;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        for (Toggle toggle : nav.getToggles()) {
            ToggleButton button = (ToggleButton) toggle;
            View view = (View) button.getUserData();
            button.setGraphic(new Icon(view.glyph(), 18));
            button.setTooltip(new Tooltip(shortcut(view).getDisplayText()));
        }
        nav.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a sidebar always has one section selected
            } else {
                openingFromSidebar = true;
                try {
                    viewModel.open((View) now.getUserData());
                } finally {
                    openingFromSidebar = false;
                }
            }
        });
        viewModel.currentProperty().addListener(new WeakChangeListener<>(viewListener));
        show(viewModel.current());
        // a view that cannot shrink to a very narrow window is cut at the workspace's edge, never drawn past it
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(content.widthProperty());
        clip.heightProperty().bind(content.heightProperty());
        content.setClip(clip);

        banner.visibleProperty().bind(notices.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(notices.messageProperty());

        // bindings hold the settings weakly, so a closed window is not kept alive by them
        themeButton.textProperty().bind(Bindings.createStringBinding(() -> strings.getString(
                settings.theme() == Theme.LIGHT ? "theme.toggle.toDark" : "theme.toggle.toLight"),
                settings.themeProperty()));
        themeButton.graphicProperty().bind(Bindings.createObjectBinding(() -> (Node) new Icon(
                settings.theme() == Theme.LIGHT ? Glyph.MOON : Glyph.SUN, 16), settings.themeProperty()));
    }

    /**
     * Ctrl+1..6 (Cmd on macOS) open the sections in sidebar order, Ctrl+F the Inferences search, and Ctrl+Q quits
     * the way closing the window does (the same close request, so whatever a close does on the way happens too).
     */
    public void installShortcuts(Scene scene) {
        for (View view : View.values()) {
            scene.getAccelerators().put(shortcut(view), () -> viewModel.open(view));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                viewModel::requestSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            Window window = scene.getWindow();
            if (window != null) {
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }

    private static KeyCombination shortcut(View view) {
        return new KeyCodeCombination(view.shortcutKey(), KeyCombination.SHORTCUT_DOWN);
    }

    private void show(View view) {
        Parent root = loaded.computeIfAbsent(view, loader::load);
        content.getChildren().setAll(root);
        nav.getToggles().stream().filter(t -> t.getUserData() == view).findFirst()
                .ifPresent(t -> nav.selectToggle(t));
        // a view that placed the focus itself as it was attached (Ctrl+F into the Inferences search) keeps it
        if (!openingFromSidebar && !holdsFocus(root)) {
            firstFocusable(root).ifPresent(Node::requestFocus);
        }
    }

    private static boolean holdsFocus(Parent root) {
        Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    /** The section's first control in reading order (its main action, in most), for keyboard users. */
    static Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    @FXML
    private void toggleTheme() {
        settings.themeProperty().set(settings.theme().other());
    }

    @FXML
    private void dismissError() {
        notices.dismiss();
    }
}

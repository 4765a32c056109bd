package io.proofdesk.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Optional;

/**
 * The live UI preferences. Every change is written by the (single-threaded, so in order) preferences executor;
 * closing that executor flushes the last write.
 */
public final class UiSettings {

    private final UiPreferencesStore store;
    private final BackgroundExecutor writer;
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty firstRunCardDismissed;
    private Optional<WindowGeometry> window;

    public UiSettings(UiPreferencesStore store, BackgroundExecutor writer) {
        this.store = store;
        this.writer = writer;
        UiPreferences loaded = store.load();
        this.theme = new SimpleObjectProperty<>(this, "theme", loaded.theme());
        this.window = loaded.window();
        this.firstRunCardDismissed = new SimpleBooleanProperty(this, "firstRunCardDismissed",
                loaded.firstRunCardDismissed());
        theme.addListener((o, was, now) -> save());
        firstRunCardDismissed.addListener((o, was, now) -> save());
    }

    /** "Keep the demo" was chosen on the Network view's first-run card. */
    public BooleanProperty firstRunCardDismissedProperty() {
        return firstRunCardDismissed;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public Optional<WindowGeometry> window() {
        return window;
    }

    public void rememberWindow(WindowGeometry geometry) {
        this.window = Optional.of(geometry);
        save();
    }

    public UiPreferences snapshot() {
        return new UiPreferences(theme.get(), window, firstRunCardDismissed.get());
    }

    private void save() {
        UiPreferences snapshot = snapshot();
        Tasks.create(context -> {
            store.save(snapshot);
            return snapshot;
        }).run(writer);
    }
}

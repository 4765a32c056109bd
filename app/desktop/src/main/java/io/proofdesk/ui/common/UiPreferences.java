package io.proofdesk.ui.common;

import java.util.Objects;
import java.util.Optional;

/** What the desktop remembers between runs. */
public record UiPreferences(Theme theme, Optional<WindowGeometry> window) {

    public static final UiPreferences DEFAULTS = new UiPreferences(Theme.LIGHT, Optional.empty());

    public UiPreferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
    }

    public UiPreferences withTheme(Theme newTheme) {
        return new UiPreferences(newTheme, window);
    }

    public UiPreferences withWindow(WindowGeometry geometry) {
        return new UiPreferences(theme, Optional.of(geometry));
    }
}

package io.proofdesk.ui.common;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desktop remembers between runs. {@code firstRunCardDismissed}: the user chose "Keep the demo" on the
 * Network view's first-run card, so it is not shown again.
 */
public record UiPreferences(Theme theme, Optional<WindowGeometry> window, boolean firstRunCardDismissed) {

    public static final UiPreferences DEFAULTS = new UiPreferences(Theme.LIGHT, Optional.empty(), false);

    public UiPreferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
    }

    public UiPreferences(Theme theme, Optional<WindowGeometry> window) {
        this(theme, window, false);
    }

    public UiPreferences withTheme(Theme newTheme) {
        return new UiPreferences(newTheme, window, firstRunCardDismissed);
    }

    public UiPreferences withWindow(WindowGeometry geometry) {
        return new UiPreferences(theme, Optional.of(geometry), firstRunCardDismissed);
    }

    public UiPreferences withFirstRunCardDismissed(boolean dismissed) {
        return new UiPreferences(theme, window, dismissed);
    }
}

package io.proofdesk.ui.settings;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiSettings;
import javafx.beans.property.ObjectProperty;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Settings: theme, where data lives, and what this build is. */
public final class SettingsViewModel {

    private final UiSettings settings;
    private final ResourceBundle strings;
    private final Path dataDirectory;
    private final BuildInfo build;

    public SettingsViewModel(UiSettings settings, ResourceBundle strings, Path dataDirectory, BuildInfo build) {
        this.settings = settings;
        this.strings = strings;
        this.dataDirectory = dataDirectory;
        this.build = build;
    }

    public ObjectProperty<Theme> themeProperty() {
        return settings.themeProperty();
    }

    public String dataDirectory() {
        return dataDirectory.toString();
    }

    public String versionText() {
        return MessageFormat.format(strings.getString("settings.about.version"), build.proofdeskVersion(),
                build.javaVersion(), System.getProperty("javafx.runtime.version", "?"), build.os());
    }
}

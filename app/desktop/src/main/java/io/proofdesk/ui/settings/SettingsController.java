package io.proofdesk.ui.settings;

import io.proofdesk.ui.common.Theme;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

public final class SettingsController {

    private final SettingsViewModel viewModel;
    // held here so the weak listener lives exactly as long as this view
    private final ChangeListener<Theme> themeListener = (o, was, now) -> select(now);

    @FXML private ToggleGroup themeGroup;
    @FXML private ToggleButton lightTheme;
    @FXML private ToggleButton darkTheme;
    @FXML private TextField dataDirectory;
    @FXML private Label version;

    public SettingsController(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        lightTheme.setUserData(Theme.LIGHT);
        darkTheme.setUserData(Theme.DARK);
        select(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener(new WeakChangeListener<>(themeListener));
        themeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                viewModel.themeProperty().set((Theme) now.getUserData());
            }
        });
        dataDirectory.setText(viewModel.dataDirectory());
        version.setText(viewModel.versionText());
    }

    private void select(Theme theme) {
        (theme == Theme.DARK ? darkTheme : lightTheme).setSelected(true);
    }
}

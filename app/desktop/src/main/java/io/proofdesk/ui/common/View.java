package io.proofdesk.ui.common;

import io.proofdesk.ui.controls.Glyph;
import javafx.scene.input.KeyCode;

import java.net.URL;
import java.util.Objects;

/** The sections the sidebar opens, in sidebar order; each is one FXML + controller + view-model. */
public enum View {
    NETWORK("/io/proofdesk/ui/network/NetworkView.fxml", Glyph.NETWORK, KeyCode.DIGIT1),
    MODELS("/io/proofdesk/ui/models/ModelsView.fxml", Glyph.MODELS, KeyCode.DIGIT2),
    INFERENCES("/io/proofdesk/ui/inferences/InferencesView.fxml", Glyph.INFERENCES, KeyCode.DIGIT3),
    VERIFY("/io/proofdesk/ui/verify/VerifyView.fxml", Glyph.VERIFY, KeyCode.DIGIT4),
    REPORTS("/io/proofdesk/ui/reports/ReportsView.fxml", Glyph.REPORTS, KeyCode.DIGIT5),
    SETTINGS("/io/proofdesk/ui/settings/SettingsView.fxml", Glyph.SETTINGS, KeyCode.DIGIT6);

    private final String fxml;
    private final Glyph glyph;
    private final KeyCode shortcutKey;

    View(String fxml, Glyph glyph, KeyCode shortcutKey) {
        this.fxml = fxml;
        this.glyph = glyph;
        this.shortcutKey = shortcutKey;
    }

    public URL fxml() {
        return Objects.requireNonNull(View.class.getResource(fxml), () -> "missing view " + fxml);
    }

    public Glyph glyph() {
        return glyph;
    }

    /** Pressed with the platform's shortcut modifier (Ctrl, or Cmd on macOS). */
    public KeyCode shortcutKey() {
        return shortcutKey;
    }
}

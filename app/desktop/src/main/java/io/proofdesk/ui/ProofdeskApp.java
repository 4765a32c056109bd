package io.proofdesk.ui;

import io.proofdesk.store.DataDirectory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The desktop app. {@link Launcher} is the entry point for packaged builds. */
public final class ProofdeskApp extends Application {

    private AppWiring wiring;

    @Override
    public void start(Stage stage) {
        AppArgs args;
        try {
            args = AppArgs.parse(getParameters().getRaw());
        } catch (AppArgs.AppArgsException e) {
            System.err.println("proofdesk: " + e.getMessage());
            Platform.exit();
            return;
        }
        DataDirectory dataDirectory = DataDirectory.resolve(args.dataDir().orElse(null));
        try {
            wiring = new AppWiring(dataDirectory);
        } catch (IOException e) {
            ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
            Alert alert = new Alert(Alert.AlertType.ERROR, MessageFormat.format(
                    strings.getString("startup.dataDir.body"), dataDirectory.path(), e.getMessage()));
            alert.setHeaderText(strings.getString("startup.dataDir.title"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        wiring.mainWindow().show(stage);
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }

    public static void main(String[] args) {
        AppArgs.checkOrExit(args);
        launch(ProofdeskApp.class, args);
    }
}

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
        startNetworkAfterFirstFrame(stage);
    }

    /** The demo network takes a while to start; the window is drawn once before any of that begins. */
    private void startNetworkAfterFirstFrame(Stage stage) {
        javafx.scene.Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            wiring.network().start();
        };
        scene.addPostLayoutPulseListener(once[0]);
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

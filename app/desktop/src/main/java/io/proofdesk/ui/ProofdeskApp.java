package io.proofdesk.ui;

import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.shell.OpenTarget;
import io.proofdesk.ui.startup.FocusRequestWatcher;
import io.proofdesk.ui.startup.InstanceLock;
import io.proofdesk.ui.startup.SingleInstance;
import io.proofdesk.ui.startup.SmokeExit;
import io.proofdesk.ui.startup.StartupTrace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;

/** The desktop app. {@link Launcher} is the entry point for packaged builds. */
public final class ProofdeskApp extends Application {

    private AppWiring wiring;
    private InstanceLock instanceLock;
    private FocusRequestWatcher focusRequests;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx_started");
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
            // one window per data folder: a second launch hands over to the first and ends here
            Optional<InstanceLock> claimed = SingleInstance.claimOrHandOver(dataDirectory.ensureExists(),
                    args.open().map(OpenTarget::text).orElse(null), System.out);
            if (claimed.isEmpty()) {
                Platform.exit();
                return;
            }
            instanceLock = claimed.get();
            wiring = new AppWiring(dataDirectory);
            StartupTrace.mark("wiring_built");
        } catch (IOException e) {
            ResourceBundle strings = ResourceBundle.getBundle(AppWiring.STRINGS);
            Alert alert = new Alert(Alert.AlertType.ERROR, MessageFormat.format(
                    strings.getString("startup.dataDir.body"), dataDirectory.path(), e.getMessage()));
            alert.setHeaderText(strings.getString("startup.dataDir.title"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        if (args.smokeExit()) {
            SmokeExit.install(stage, System.out);
        }
        wiring.mainWindow().show(stage);
        args.open().ifPresent(wiring::open);
        try {
            focusRequests = SingleInstance.bringToFrontOnRequest(instanceLock, stage, wiring::open);
        } catch (IOException e) {
            // the app works without it; a second launch then only says that this one is running
            System.getLogger(ProofdeskApp.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot watch " + dataDirectory.path() + " for focus requests", e);
        }
        if (!args.smokeExit()) {
            startNetworkAfterFirstFrame(stage);
        }
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
    public void stop() throws IOException {
        if (wiring != null) {
            wiring.close();
        }
        if (focusRequests != null) {
            focusRequests.close();
        }
        if (instanceLock != null) {
            instanceLock.close(); // last: the folder is free for the next launch only once this one is done with it
        }
    }

    public static void main(String[] args) {
        AppArgs.checkOrExit(args);
        launch(ProofdeskApp.class, args);
    }
}

package io.proofdesk.ui;

import io.proofdesk.ui.startup.StartupTrace;
import javafx.application.Application;

/**
 * Entry point that is not an {@link Application}: lets a class-path launch (jpackage, plain {@code java -cp})
 * start JavaFX without the launcher insisting on JavaFX modules.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        AppArgs.checkOrExit(args);
        Application.launch(ProofdeskApp.class, args);
    }
}

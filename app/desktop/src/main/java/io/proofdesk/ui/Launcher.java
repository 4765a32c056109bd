package io.proofdesk.ui;

import javafx.application.Application;

/**
 * Entry point that is not an {@link Application}: lets a class-path launch (jpackage, plain {@code java -cp})
 * start JavaFX without the launcher insisting on JavaFX modules.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        AppArgs.checkOrExit(args);
        Application.launch(ProofdeskApp.class, args);
    }
}

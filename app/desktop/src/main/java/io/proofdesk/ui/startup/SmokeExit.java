package io.proofdesk.ui.startup;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code --smoke-exit}: once the main window is shown, print how long that took from the start of the process
 * (not of the JVM: the launcher and runtime start are part of what a user waits for) and exit 0. Used by
 * {@code proofdesk bench startup} and the install test.
 */
public final class SmokeExit {

    /** The line's fixed start; {@code proofdesk bench startup} parses what follows as whole milliseconds. */
    public static final String PREFIX = "SMOKE window_shown_ms=";

    private SmokeExit() {
    }

    public static void install(Stage stage, PrintStream out) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            out.println(line(ProcessStart.instant(), Instant.now()));
            out.flush();
            // close rather than Platform.exit(): the window's own hiding handlers (saving its geometry) run before
            // stop() shuts the executors down, as when a user closes it; the app exits with its last window
            Platform.runLater(stage::close);
        });
    }

    /** {@code SMOKE window_shown_ms=<n>}, or {@code -1} where the OS does not say when the process started. */
    static String line(Optional<Instant> processStart, Instant shown) {
        return PREFIX + processStart.map(start -> Duration.between(start, shown).toMillis()).orElse(-1L);
    }
}

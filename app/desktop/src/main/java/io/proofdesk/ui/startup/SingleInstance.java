package io.proofdesk.ui.startup;

import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The desktop's side of {@link InstanceLock}: what a second launch says, and what the first does when asked. */
public final class SingleInstance {

    private SingleInstance() {
    }

    /**
     * Claims {@code dataDir} for this launch. Empty if another desktop has it: that one has been asked to come to the
     * front and a sentence saying so is on {@code out}; the caller then exits normally.
     */
    public static Optional<InstanceLock> claimOrHandOver(Path dataDir, PrintStream out) throws IOException {
        return claimOrHandOver(dataDir, null, out);
    }

    /** As above; {@code open} ({@code --open}'s text, or null) is handed over to the running window too. */
    public static Optional<InstanceLock> claimOrHandOver(Path dataDir, String open, PrintStream out)
            throws IOException {
        return switch (InstanceLock.claim(dataDir)) {
            case InstanceLock.First first -> Optional.of(first.lock());
            case InstanceLock.AlreadyRunning running -> {
                running.requestFocus(open);
                out.println("Proofdesk is already running with the data folder " + dataDir
                        + "; its window was asked to come to the front.");
                out.flush();
                yield Optional.empty();
            }
        };
    }

    /**
     * Brings {@code stage} forward whenever another launch asks, and hands {@code open} what that launch asked to
     * open (on the FX thread); close the watcher when the app stops.
     */
    public static FocusRequestWatcher bringToFrontOnRequest(InstanceLock lock, Stage stage, Consumer<String> open)
            throws IOException {
        // the watcher's thread is not the FX thread, and this is not background work with a result (Tasks' job)
        return FocusRequestWatcher.start(lock, target -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
            target.ifPresent(open);
        }));
    }
}

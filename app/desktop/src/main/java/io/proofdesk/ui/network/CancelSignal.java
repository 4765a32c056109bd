package io.proofdesk.ui.network;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets the task panel's Cancel reach work that has its own way of stopping (the sync engine's control): the work
 * registers what to do with {@link #onCancel}; {@link #cancel} runs it, once, from any thread.
 */
public final class CancelSignal {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        actions.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or now if already cancelled. */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
    }
}

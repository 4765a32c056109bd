package io.proofdesk.ui.common;

import javafx.util.Subscription;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The injected bus through which features say "the store changed": a sync publishes
 * {@code new StoreEvent.InferencesStored(n)} after each committed chunk, and the Inferences and Models views
 * re-read what they show. {@link #publish} may be called from any thread; subscribers always run on the FX thread.
 * One instance per app (from {@code AppWiring}); no static state.
 */
public final class StoreEvents {

    private final List<Consumer<? super StoreEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Call after the change is committed. */
    public void publish(StoreEvent event) {
        Objects.requireNonNull(event, "event");
        BackgroundExecutor.onFxThread(() -> subscribers.forEach(s -> s.accept(event)));
    }

    /** Views subscribe when shown and unsubscribe when hidden. */
    public Subscription subscribe(Consumer<? super StoreEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    int subscriberCount() {
        return subscribers.size();
    }
}

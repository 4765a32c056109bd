package io.proofdesk.ui.inferences;

import io.proofdesk.domain.RecordId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;

/**
 * Lets another view (the Verify view's list of mismatches) or a launch ({@code --open ID}) ask the Inferences view to
 * open a record's detail: the request waits here until the Inferences view takes it, at once if it is on screen,
 * else when it is next shown. One per app, on the FX thread.
 */
public final class InferenceNavigation {

    private final ReadOnlyObjectWrapper<RecordId> pending = new ReadOnlyObjectWrapper<>(this, "pending");

    /** Asks for {@code id}'s detail; the caller then shows the Inferences view. */
    public void open(RecordId id) {
        pending.set(null); // the same record asked for twice is two requests
        pending.set(id);
    }

    /** The record asked for and not taken yet; null when there is none. */
    ReadOnlyObjectProperty<RecordId> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    Optional<RecordId> take() {
        Optional<RecordId> r = Optional.ofNullable(pending.get());
        pending.set(null);
        return r;
    }
}

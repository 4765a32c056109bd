package io.proofdesk.ui.inferences;

import io.proofdesk.domain.RecordId;

import java.util.Optional;

/**
 * Lets another view ask the Inferences view to open a record's detail (the Verify view's list of mismatches): the
 * request waits here until the Inferences view is next shown. One per app, on the FX thread.
 */
public final class InferenceNavigation {

    private RecordId pending;

    /** Asks for {@code id}'s detail; the caller then shows the Inferences view. */
    public void open(RecordId id) {
        pending = id;
    }

    Optional<RecordId> take() {
        Optional<RecordId> r = Optional.ofNullable(pending);
        pending = null;
        return r;
    }
}

package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;

/** Row {@code index} of the table; {@code inference} is null while its page is loading. */
public record InferenceRow(long index, Inference inference) {

    public boolean isLoading() {
        return inference == null;
    }
}

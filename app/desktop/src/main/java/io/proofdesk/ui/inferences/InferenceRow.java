package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;

import java.util.List;

/**
 * Row {@code index} of the table; {@code inference} is null while its page is loading. {@code failedChecks} names
 * the checks the record's latest verdict failed, in check order (empty if it passed them or was not verified).
 */
public record InferenceRow(long index, Inference inference, List<String> failedChecks) {

    public InferenceRow {
        failedChecks = List.copyOf(failedChecks);
    }

    public boolean isLoading() {
        return inference == null;
    }
}

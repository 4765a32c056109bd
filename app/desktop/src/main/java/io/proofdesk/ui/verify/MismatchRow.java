package io.proofdesk.ui.verify;

import io.proofdesk.domain.RecordId;


/** One mismatching inference in the Verify view's list: which, what model, when, and the checks that failed. */
public record MismatchRow(RecordId id, String model, long block, String failedChecks) {
}

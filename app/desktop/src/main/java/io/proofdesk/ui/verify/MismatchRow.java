package io.proofdesk.ui.verify;

import io.proofdesk.domain.RecordId;

/**
 * One mismatching inference in the Verify view's list: which, what model, when, the checks that failed, and what is
 * said beside its verdict ("· one endpoint, not proved" for a TRUSTED record; empty otherwise).
 */
public record MismatchRow(RecordId id, String model, long block, String failedChecks, String evidenceQualifier) {
}

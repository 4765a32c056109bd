package io.proofdesk.verify;

import io.proofdesk.domain.VerdictRecord;

import java.util.Optional;

/** One verified record: the verdict to store, and the re-execution details for the UI (when re-executed). */
public record InferenceVerification(VerdictRecord verdict, Optional<ReexecutionOutcome> reexecution) {
}

package io.proofdesk.ui.verify;

import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.verify.BatchSummary;

import java.time.Instant;

/** One finished batch run: what was asked, what the engine reported, where it ran, against which network, when. */
public record BatchRun(BatchRequest request, BatchSummary summary, VerificationEnvironment environment,
                       String network, Instant finishedAt) {
}

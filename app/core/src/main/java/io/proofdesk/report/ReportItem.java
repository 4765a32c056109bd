package io.proofdesk.report;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.verify.ReexecutionOutcome;

import java.util.Objects;
import java.util.Optional;

/** One record going into a report: the stored record, its verdict, and the re-execution details when at hand. */
public record ReportItem(Inference inference, VerdictRecord verdict, Optional<ReexecutionOutcome> reexecution) {

    public ReportItem {
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(verdict, "verdict");
        reexecution = reexecution == null ? Optional.empty() : reexecution;
        if (!inference.id().equals(verdict.inferenceId())) {
            throw new IllegalArgumentException("verdict of " + verdict.inferenceId() + " given for " + inference.id());
        }
    }
}

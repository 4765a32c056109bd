package io.proofdesk.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ComparisonReport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The re-execution line with what the UI draws from it: the local and claimed outputs and the per-element
 * comparison (differences for heat maps). {@code comparison} is empty when the model could not be run.
 */
public record ReexecutionOutcome(CheckResult line, Optional<ComparisonReport> comparison, List<Tensor> inputs,
                                 List<Tensor> localOutputs, List<Tensor> claimedOutputs, Duration runTime) {

    public ReexecutionOutcome {
        inputs = List.copyOf(inputs);
        localOutputs = List.copyOf(localOutputs);
        claimedOutputs = List.copyOf(claimedOutputs);
        runTime = runTime == null ? Duration.ZERO : runTime;
    }

    public static ReexecutionOutcome without(CheckResult line) {
        return new ReexecutionOutcome(line, Optional.empty(), List.of(), List.of(), List.of(), Duration.ZERO);
    }
}

package io.proofdesk.reexec;

import java.util.Comparator;
import java.util.List;

/** Per-output comparisons of a claimed result with a local run; the overall status is the worst of them. */
public record ComparisonReport(List<TensorComparisonResult> tensors) {

    public ComparisonReport {
        tensors = List.copyOf(tensors);
    }

    public ComparisonStatus overall() {
        return tensors.stream().map(TensorComparisonResult::status).max(Comparator.naturalOrder())
                .orElse(ComparisonStatus.MISMATCH);
    }

    public boolean matches() {
        return overall().isMatch();
    }
}

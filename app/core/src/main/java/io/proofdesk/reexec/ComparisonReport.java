package io.proofdesk.reexec;

import java.util.List;

/** Per-output comparisons of a claimed result with a local run; the overall status is the worst of them. */
public record ComparisonReport(List<TensorComparisonResult> tensors) {

    public ComparisonReport {
        tensors = List.copyOf(tensors);
    }

    public ComparisonStatus overall() {
        ComparisonStatus worst = null;
        for (TensorComparisonResult t : tensors) {
            worst = worst == null || t.status().compareTo(worst) > 0 ? t.status() : worst;
        }
        return worst == null ? ComparisonStatus.MISMATCH : worst;
    }

    public boolean matches() {
        return overall().isMatch();
    }
}

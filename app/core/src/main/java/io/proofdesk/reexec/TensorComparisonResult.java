package io.proofdesk.reexec;

/**
 * The comparison of one claimed tensor with the local one. Errors are 0 for EXACT and NaN for MISMATCH.
 * {@code differences} holds local - claimed per element (row-major, NaN where exactly one side is NaN; empty for
 * MISMATCH and string tensors), for heat maps. {@code maxUlp} is the largest distance in units in the last place
 * for floating-point types, the largest integer difference for integer types, and -1 when not applicable.
 * An EXACT numeric result keeps no array (its differences are all zero and made on request), so a check that
 * matches bit for bit allocates nothing per element for display.
 *
 * @param worstIndex row-major index of the element with the largest absolute error, -1 if none
 */
public record TensorComparisonResult(String name, ComparisonStatus status, String reason, Tolerance tolerance,
                                     double maxAbsError, double maxRelError, long maxUlp, int worstIndex,
                                     int elementsOutOfTolerance, int elements, double[] differences) {

    public TensorComparisonResult {
        differences = differences == null ? null : differences.clone();
    }

    /** An EXACT numeric comparison of {@code elements} elements: all differences zero. */
    static TensorComparisonResult exact(String name, Tolerance tolerance, int elements) {
        return new TensorComparisonResult(name, ComparisonStatus.EXACT, "", tolerance, 0, 0, 0, -1, 0, elements, null);
    }

    @Override
    public double[] differences() {
        return differences == null ? new double[elements] : differences.clone();
    }

    static TensorComparisonResult mismatch(String name, String reason, Tolerance tolerance) {
        return new TensorComparisonResult(name, ComparisonStatus.MISMATCH, reason, tolerance, Double.NaN, Double.NaN,
                -1, -1, 0, 0, new double[0]);
    }

    @Override
    public String toString() {
        return name + ": " + status + (reason.isEmpty() ? "" : " (" + reason + ")")
                + (status == ComparisonStatus.MISMATCH ? "" : " max|Δ|=" + maxAbsError + " maxULP=" + maxUlp);
    }
}

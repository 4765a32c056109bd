package io.proofdesk.reexec;

/** How a claimed tensor compares with the locally computed one, best first. */
public enum ComparisonStatus {
    /** Same name, type, shape and bytes. */
    EXACT,
    /** Same name, type and shape; every element within the tolerance. */
    WITHIN_TOLERANCE,
    /** Same name, type and shape; some element outside the tolerance. */
    OUT_OF_TOLERANCE,
    /** Not comparable element by element: missing, or name, type or shape differs. */
    MISMATCH;

    public boolean isMatch() {
        return this == EXACT || this == WITHIN_TOLERANCE;
    }
}

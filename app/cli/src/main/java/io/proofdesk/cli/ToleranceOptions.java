package io.proofdesk.cli;

import io.proofdesk.reexec.Tolerance;
import picocli.CommandLine.Option;

/** {@code --atol/--rtol}: a user tolerance for re-execution; without both, each claim's own precision decides. */
public final class ToleranceOptions {

    @Option(names = "--atol", paramLabel = "A", description = "Absolute tolerance (with --rtol)")
    Double atol;

    @Option(names = "--rtol", paramLabel = "R", description = "Relative tolerance (with --atol)")
    Double rtol;

    /**
     * The user's tolerance, or null when none was given. Commands call it before anything else, so a bad value is
     * reported as such rather than after a missing endpoint or store.
     */
    public Tolerance toleranceOrNull() {
        if (atol == null && rtol == null) {
            return null;
        }
        double a = atol == null ? 0 : atol;
        double r = rtol == null ? 0 : rtol;
        // NaN, negative and infinite tolerances are refused: an infinite one would accept any forged output
        if (!Double.isFinite(a) || a < 0) {
            throw new UserInputException("--atol must be a finite, non-negative number, was " + a);
        }
        if (!Double.isFinite(r) || r < 0) {
            throw new UserInputException("--rtol must be a finite, non-negative number, was " + r);
        }
        return Tolerance.of(a, r);
    }
}

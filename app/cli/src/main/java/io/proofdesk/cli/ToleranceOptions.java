package io.proofdesk.cli;

import io.proofdesk.reexec.Tolerance;
import picocli.CommandLine.Option;

/** {@code --atol/--rtol}: a user tolerance for re-execution; without both, each claim's own precision decides. */
public final class ToleranceOptions {

    @Option(names = "--atol", paramLabel = "A", description = "Absolute tolerance (with --rtol)")
    Double atol;

    @Option(names = "--rtol", paramLabel = "R", description = "Relative tolerance (with --atol)")
    Double rtol;

    /** The user's tolerance, or null when none was given. */
    public Tolerance toleranceOrNull() {
        if (atol == null && rtol == null) {
            return null;
        }
        double a = atol == null ? 0 : atol;
        double r = rtol == null ? 0 : rtol;
        if (!(a >= 0) || !(r >= 0)) {
            throw new UserInputException("--atol and --rtol must be non-negative numbers");
        }
        return Tolerance.of(a, r);
    }
}

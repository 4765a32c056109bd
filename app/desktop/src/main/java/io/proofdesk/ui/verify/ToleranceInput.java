package io.proofdesk.ui.verify;

import io.proofdesk.reexec.Tolerance;

import java.util.Optional;

/**
 * The atol / rtol fields of the re-execution. Both empty: each output's tolerance comes from the precision of its
 * claim. Otherwise both must be non-negative finite numbers (an empty one counts as 0).
 */
public sealed interface ToleranceInput {

    /** Leave the tolerance to the claim. */
    record FromClaim() implements ToleranceInput {
    }

    record Given(Tolerance tolerance) implements ToleranceInput {
    }

    /** @param field "atol" or "rtol" */
    record Invalid(String field, String text) implements ToleranceInput {
    }

    static ToleranceInput parse(String atol, String rtol) {
        String a = atol == null ? "" : atol.strip();
        String r = rtol == null ? "" : rtol.strip();
        if (a.isEmpty() && r.isEmpty()) {
            return new FromClaim();
        }
        Optional<Double> av = number(a);
        if (av.isEmpty()) {
            return new Invalid("atol", a);
        }
        Optional<Double> rv = number(r);
        if (rv.isEmpty()) {
            return new Invalid("rtol", r);
        }
        return new Given(Tolerance.of(av.get(), rv.get()));
    }

    private static Optional<Double> number(String s) {
        if (s.isEmpty()) {
            return Optional.of(0.0);
        }
        if (s.length() > 32) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) && v >= 0 && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D")
                    && !s.endsWith("F") ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The tolerance to re-execute with; null means "from the claim". Only for valid input. */
    default Tolerance toleranceOrNull() {
        return switch (this) {
            case FromClaim f -> null;
            case Given g -> g.tolerance();
            case Invalid i -> throw new IllegalStateException(i.field() + " is not a number: " + i.text());
        };
    }
}

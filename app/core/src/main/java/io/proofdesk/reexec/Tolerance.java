package io.proofdesk.reexec;

import java.math.BigDecimal;

/**
 * How far a claimed element may be from the local one: |local - claimed| <= atol + rtol * |local| (numpy's
 * {@code allclose} rule with the local value as reference). {@code basis} says where the numbers came from, for
 * the verdict line.
 */
public record Tolerance(double atol, double rtol, String basis) {

    /** Relative slack for float32 arithmetic differing between machines (a few ULPs of float32). */
    public static final double FLOAT32_RTOL = 1e-6;

    /** {@link #forDecimals} for each decimals, made once: every re-execution check asks for one. */
    private static final Tolerance[] BY_DECIMALS = new Tolerance[FixedPointCodec.MAX_DECIMALS + 1];

    static {
        for (int d = 0; d < BY_DECIMALS.length; d++) {
            BY_DECIMALS[d] = new Tolerance(BigDecimal.ONE.movePointLeft(d).doubleValue(), FLOAT32_RTOL,
                    "1e-" + d + " from the claim's " + d + " decimals");
        }
    }

    public Tolerance {
        // an infinite tolerance accepts any claim, so a forged output would verify
        if (!(atol >= 0) || !(rtol >= 0) || atol == Double.POSITIVE_INFINITY || rtol == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tolerances must be finite, non-negative numbers (atol " + atol
                    + ", rtol " + rtol + ")");
        }
    }

    /** Bit-identical or nothing. */
    public static Tolerance exact() {
        return new Tolerance(0, 0, "exact");
    }

    public static Tolerance of(double atol, double rtol) {
        return new Tolerance(atol, rtol, "atol " + atol + ", rtol " + rtol);
    }

    /**
     * For a claim written with {@code decimals} places: atol = 10^-decimals, one unit in the last written place,
     * which covers a writer that rounds (error up to half a unit) or truncates (up to one unit); plus
     * {@link #FLOAT32_RTOL} for float32 differences between machines.
     */
    public static Tolerance forDecimals(int decimals) {
        if (decimals < 0 || decimals > FixedPointCodec.MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be 0.." + FixedPointCodec.MAX_DECIMALS);
        }
        return BY_DECIMALS[decimals];
    }

    /**
     * {@link #forDecimals} of the finest precision in the claim (its largest decimals). Not the coarsest: a
     * forged claim could otherwise loosen its own check by writing one element with few decimals (0.5 as (5, 1)
     * would allow 0.1 everywhere). Writers that use one decimals for all elements, or the shortest-decimal rule
     * of {@link FixedPointCodec}, are judged exactly as they wrote; a writer rounding to significant digits
     * would need {@link #of} with a relative tolerance instead.
     */
    public static Tolerance forClaimed(FixedPointTensor claimed) {
        return forDecimals(Math.min(Math.max(claimed.maxDecimals(), 0), FixedPointCodec.MAX_DECIMALS));
    }

    /** The tolerance ONNX's backend test runner applies to its node tests (rtol 1e-3, atol 1e-7). */
    public static Tolerance onnxBackendTests() {
        return new Tolerance(1e-7, 1e-3, "ONNX backend test default (rtol 1e-3, atol 1e-7)");
    }

    public boolean accepts(double local, double claimed) {
        if (Double.isNaN(local) || Double.isNaN(claimed)) {
            return Double.isNaN(local) && Double.isNaN(claimed);
        }
        if (Double.isInfinite(local) || Double.isInfinite(claimed)) {
            return local == claimed;
        }
        return Math.abs(local - claimed) <= atol + rtol * Math.abs(local);
    }
}

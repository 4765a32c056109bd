package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares a claimed output tensor with the one computed here. Identical bytes are EXACT; otherwise every element
 * is checked against the {@link Tolerance}, and the largest absolute, relative ({@code |Δ| / max(|local|,
 * |claimed|)}) and ULP errors are kept with the per-element differences. NaN agrees only with NaN, an infinity
 * only with the same infinity.
 */
public final class TensorComparison {

    public TensorComparisonResult compare(Tensor claimed, Tensor local, Tolerance tolerance) {
        String name = local.name();
        if (!claimed.name().equals(local.name())) {
            return TensorComparisonResult.mismatch(name, "claimed output is named '" + claimed.name()
                    + "', the local one '" + local.name() + "'", tolerance);
        }
        if (claimed.type() != local.type()) {
            return TensorComparisonResult.mismatch(name, "claimed " + claimed.type() + ", local " + local.type(),
                    tolerance);
        }
        if (!claimed.sameShape(local)) {
            return TensorComparisonResult.mismatch(name, "claimed shape " + Arrays.toString(claimed.shape())
                    + ", local " + Arrays.toString(local.shape()), tolerance);
        }
        int n = local.size();
        if (local.type() == DType.STRING) {
            return compareStrings(name, claimed.strings(), local.strings(), tolerance);
        }
        if (claimed.sameElements(local)) {
            return TensorComparisonResult.exact(name, tolerance, n);
        }
        double[] c = claimed.toDoubles();
        double[] l = local.toDoubles();
        ByteBuffer cb = claimed.buffer();
        ByteBuffer lb = local.buffer();
        double[] differences = new double[n];
        double maxAbs = 0;
        double maxRel = 0;
        long maxUlp = 0;
        int worst = -1;
        int outside = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = tolerance.accepts(l[i], c[i]);
            double abs;
            if (Double.isNaN(l[i]) && Double.isNaN(c[i]) || l[i] == c[i]) {
                abs = 0;
                differences[i] = 0;
            } else if (Double.isNaN(l[i]) || Double.isNaN(c[i])) {
                abs = Double.POSITIVE_INFINITY;
                differences[i] = Double.NaN;
            } else {
                differences[i] = l[i] - c[i];
                abs = Math.abs(differences[i]);
            }
            if (!ok) {
                outside++;
            }
            if (abs > maxAbs || worst < 0 && abs > 0) {
                maxAbs = abs;
                worst = i;
            }
            if (abs > 0) {
                double rel = Double.isFinite(abs) ? abs / Math.max(Math.abs(l[i]), Math.abs(c[i])) : abs;
                maxRel = Math.max(maxRel, rel);
                maxUlp = Math.max(maxUlp, ulpDistance(local.type(), lb, cb, i, l[i], c[i]));
            }
        }
        if (outside == 0) {
            return new TensorComparisonResult(name, ComparisonStatus.WITHIN_TOLERANCE, "", tolerance, maxAbs, maxRel,
                    maxUlp, worst, 0, n, differences);
        }
        String reason = outside + " of " + n + " elements outside " + tolerance.basis()
                + (worst >= 0 ? "; worst at index " + worst + ": local " + l[worst] + ", claimed " + c[worst] : "");
        return new TensorComparisonResult(name, ComparisonStatus.OUT_OF_TOLERANCE, reason, tolerance, maxAbs, maxRel,
                maxUlp, worst, outside, n, differences);
    }

    /**
     * Compares outputs by name. Missing or extra claimed outputs are MISMATCH entries; the tolerance may differ
     * per output (for instance from each claimed tensor's decimals).
     */
    public ComparisonReport compareAll(List<Tensor> claimed, List<Tensor> local,
                                       Function<String, Tolerance> toleranceByName) {
        if (inSameOrder(claimed, local)) {  // the usual claim: no map needed to pair the outputs
            TensorComparisonResult[] results = new TensorComparisonResult[local.size()];
            for (int i = 0; i < results.length; i++) {
                Tensor l = local.get(i);
                results[i] = compare(claimed.get(i), l, toleranceByName.apply(l.name()));
            }
            return new ComparisonReport(List.of(results));
        }
        Map<String, Tensor> claimedByName = new LinkedHashMap<>();
        claimed.forEach(t -> claimedByName.put(t.name(), t));
        List<TensorComparisonResult> results = new ArrayList<>();
        for (Tensor l : local) {
            Tensor c = claimedByName.remove(l.name());
            Tolerance tol = toleranceByName.apply(l.name());
            results.add(c == null
                    ? TensorComparisonResult.mismatch(l.name(), "the claim has no output '" + l.name() + "'", tol)
                    : compare(c, l, tol));
        }
        for (String extra : claimedByName.keySet()) {
            results.add(TensorComparisonResult.mismatch(extra, "the claim has an output '" + extra
                    + "' the model does not produce", toleranceByName.apply(extra)));
        }
        return new ComparisonReport(results);
    }

    /**
     * Whether the claimed outputs are the local ones, name for name in the same order, with no name twice: then
     * pairing them by position is what pairing them by name gives.
     */
    private static boolean inSameOrder(List<Tensor> claimed, List<Tensor> local) {
        int n = local.size();
        if (claimed.size() != n || n > 8) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String name = local.get(i).name();
            if (!claimed.get(i).name().equals(name)) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (local.get(j).name().equals(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    public ComparisonReport compareAll(List<Tensor> claimed, List<Tensor> local, Tolerance tolerance) {
        return compareAll(claimed, local, name -> tolerance);
    }

    private static TensorComparisonResult compareStrings(String name, List<String> claimed, List<String> local,
                                                         Tolerance tolerance) {
        int n = local.size();
        int differing = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (!local.get(i).equals(claimed.get(i))) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        if (differing == 0) {
            return new TensorComparisonResult(name, ComparisonStatus.EXACT, "", tolerance, 0, 0, -1, -1, 0, n,
                    new double[0]);
        }
        return new TensorComparisonResult(name, ComparisonStatus.OUT_OF_TOLERANCE, differing + " of " + n
                + " strings differ, first at index " + first, tolerance, Double.NaN, Double.NaN, -1, first, differing,
                n, new double[0]);
    }

    /** Units in the last place between two elements of a floating type; the plain difference for integers. */
    static long ulpDistance(DType type, ByteBuffer local, ByteBuffer claimed, int i, double l, double c) {
        if (Double.isNaN(l) || Double.isNaN(c)) {
            return Long.MAX_VALUE;
        }
        return switch (type) {
            case FLOAT -> Math.abs(ordered(local.getInt(i * 4)) - ordered(claimed.getInt(i * 4)));
            case DOUBLE -> saturatedDistance(ordered(local.getLong(i * 8)), ordered(claimed.getLong(i * 8)));
            case FLOAT16, BFLOAT16 -> Math.abs(ordered16(local.getShort(i * 2)) - ordered16(claimed.getShort(i * 2)));
            default -> {
                double d = Math.abs(l - c);
                yield d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
            }
        };
    }

    /** Maps float bits to integers whose order is the floats' order, so ULP distance is a subtraction. */
    private static long ordered(int bits) {
        return bits < 0 ? (long) Integer.MIN_VALUE - bits : bits;
    }

    private static long ordered(long bits) {
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    private static int ordered16(short bits) {
        return bits < 0 ? Short.MIN_VALUE - bits : bits;
    }

    private static long saturatedDistance(long a, long b) {
        try {
            return Math.abs(Math.subtractExact(a, b));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

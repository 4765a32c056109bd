package io.proofdesk.ui.verify;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ComparisonStatus;
import io.proofdesk.reexec.TensorComparisonResult;
import io.proofdesk.reexec.Tolerance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One output, claimed next to local, ready to show: the comparison's numbers, a value table for small tensors
 * (index, claimed, local, difference, within tolerance) and, for tensors that can be drawn, the claimed and local
 * values on one shared scale plus the difference heatmap. Built off the FX thread.
 */
public record OutputComparison(String name, ComparisonStatus status, String reason, String tolerance,
                               double maxAbsError, double maxRelError, long maxUlp, int outOfTolerance,
                               int elements, List<ValueRow> rows, Optional<Pictures> pictures) {

    /** Tensors up to this many elements are listed value by value. */
    public static final int MAX_ROWS = 64;
    /** About this many pixels on a picture's longer side (a vector: a strip twice as long). */
    public static final int PICTURE_SIZE = 160;

    public record ValueRow(int index, String claimed, String local, String difference, boolean within) {
    }

    public record Pictures(TensorLayout layout, Heatmap claimed, Heatmap local, Heatmap difference) {
    }

    public OutputComparison {
        rows = List.copyOf(rows);
    }

    public static OutputComparison of(TensorComparisonResult t, Optional<Tensor> claimed, Optional<Tensor> local) {
        List<ValueRow> rows = new ArrayList<>();
        Optional<Pictures> pictures = Optional.empty();
        boolean numeric = claimed.isPresent() && local.isPresent() && claimed.get().type() != DType.STRING
                && local.get().type() != DType.STRING && t.status() != ComparisonStatus.MISMATCH;
        if (numeric) {
            double[] c = claimed.get().toDoubles();
            double[] l = local.get().toDoubles();
            double[] d = t.differences();
            if (c.length == l.length && d.length == c.length) {
                if (c.length <= MAX_ROWS) {
                    for (int i = 0; i < c.length; i++) {
                        rows.add(new ValueRow(i, number(c[i]), number(l[i]), difference(d[i]),
                                t.tolerance().accepts(l[i], c[i])));
                    }
                }
                pictures = TensorLayout.of(local.get().shape()).filter(layout -> layout.size() == c.length)
                        .map(layout -> {
                            double[] range = Heatmap.range(c, l);
                            return new Pictures(layout,
                                    Heatmap.values(c, layout, range[0], range[1]).enlarged(PICTURE_SIZE),
                                    Heatmap.values(l, layout, range[0], range[1]).enlarged(PICTURE_SIZE),
                                    Heatmap.differences(d, layout).enlarged(PICTURE_SIZE));
                        });
            }
        }
        Tolerance tol = t.tolerance();
        return new OutputComparison(t.name(), t.status(), t.reason(), tol == null ? "" : tol.basis(),
                t.maxAbsError(), t.maxRelError(), t.maxUlp(), t.elementsOutOfTolerance(), t.elements(), rows, pictures);
    }

    public boolean matches() {
        return status.isMatch();
    }

    /** Seven significant digits: a float32's worth, so a claim rounded to fewer places shows its rounding. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.7g", v);
    }

    static String difference(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        return d == 0 ? "0" : String.format(Locale.ROOT, "%+.3e", d);
    }

    /** Errors as shown in the statistics line. */
    public static String error(double e) {
        if (Double.isNaN(e)) {
            return "\u2014";
        }
        return e == 0 ? "0" : String.format(Locale.ROOT, "%.3e", e);
    }
}

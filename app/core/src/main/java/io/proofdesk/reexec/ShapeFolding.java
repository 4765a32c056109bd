package io.proofdesk.reexec;

import java.util.Arrays;

/**
 * The operators models compute shapes with (Constant, Shape, Size, Concat, Gather, Slice, Unsqueeze, Squeeze, and
 * integer arithmetic), for {@link ShapeRules}: their output shapes, and their values when the inputs are small and
 * known, so a shape built as Shape -> Gather -> Mul -> Concat reaches the Expand or Reshape that uses it.
 */
final class ShapeFolding {

    private ShapeFolding() {
    }

    static KnownValue constant(ShapeRules.Context c) {
        TensorSizeCheck.Attr a;
        if ((a = c.attr("value")) != null && a.tensor() != null) {
            return a.tensor();
        }
        if ((a = c.attr("value_int")) != null) {
            return KnownValue.scalar(ShapeRules.INT64, a.i());
        }
        if ((a = c.attr("value_float")) != null) {
            return KnownValue.scalar(ShapeRules.FLOAT, a.f());
        }
        if ((a = c.attr("value_ints")) != null && a.ints() != null) {
            return KnownValue.vector(ShapeRules.INT64, ShapeRules.toDoubles(a.ints()));
        }
        if ((a = c.attr("value_floats")) != null && a.floats() != null) {
            return KnownValue.vector(ShapeRules.FLOAT, a.floats());
        }
        return KnownValue.UNKNOWN;
    }

    static KnownValue shapeOf(ShapeRules.Context c) {
        KnownValue x = c.in(0);
        if (!x.hasRank()) {
            return KnownValue.shape(ShapeRules.INT64, new long[] {-1});
        }
        int r = x.rank();
        // Shape clamps start and end into [0, rank] (opset 15), unlike an axis
        int start = (int) ShapeRules.clampIndex(ShapeRules.intAttr(c, "start", 0), r, 0, r);
        int end = (int) ShapeRules.clampIndex(ShapeRules.intAttr(c, "end", r), r, 0, r);
        long[] dims = Arrays.copyOfRange(x.dims(), start, Math.max(start, end));
        return ShapeRules.allKnown(dims) ? KnownValue.vector(ShapeRules.INT64, ShapeRules.toDoubles(dims))
                : KnownValue.shape(ShapeRules.INT64, new long[] {dims.length});
    }

    static KnownValue concat(ShapeRules.Context c) {
        int n = c.inputCount();
        if (n == 0 || !c.in(0).hasRank()) {
            return KnownValue.UNKNOWN;
        }
        int r = c.in(0).rank();
        int axis = ShapeRules.clampAxis(ShapeRules.intAttr(c, "axis", 0), r);
        long[] dims = c.in(0).dims().clone();
        boolean foldable = r == 1;
        double[] data = new double[0];
        for (int i = 0; i < n; i++) {
            KnownValue v = c.in(i);
            if (!v.hasRank() || v.rank() != r || axis >= r) {
                return KnownValue.shape(c.in(0).type(), ShapeRules.unknownDims(r));
            }
            if (i > 0) {
                dims[axis] = dims[axis] < 0 || v.dims()[axis] < 0 ? -1 : dims[axis] + v.dims()[axis];
            }
            for (int d = 0; d < r; d++) {
                if (d != axis && dims[d] < 0) {
                    dims[d] = v.dims()[d];
                }
            }
            if (foldable && v.data() != null && data.length + v.data().length <= KnownValue.MAX_DATA) {
                data = ShapeRules.concat(data, v.data());
            } else {
                foldable = false;
            }
        }
        return new KnownValue(c.in(0).type(), dims, foldable ? data : null);
    }

    static KnownValue gather(ShapeRules.Context c) {
        KnownValue data = c.in(0);
        KnownValue indices = c.in(1);
        if (!data.hasRank() || !indices.hasRank() || data.rank() == 0) {
            return KnownValue.shape(data.type(), null);
        }
        int axis = ShapeRules.clampAxis(ShapeRules.intAttr(c, "axis", 0), data.rank());
        if (axis >= data.rank()) {
            return KnownValue.UNKNOWN;
        }
        long[] dims = ShapeRules.concat(ShapeRules.concat(Arrays.copyOfRange(data.dims(), 0, axis), indices.dims()),
                Arrays.copyOfRange(data.dims(), axis + 1, data.rank()));
        double[] folded = null;
        long[] idx = indices.longs();
        if (data.rank() == 1 && data.data() != null && idx != null) {
            folded = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                long k = idx[i] < 0 ? idx[i] + data.data().length : idx[i];
                if (k < 0 || k >= data.data().length) {
                    return KnownValue.shape(data.type(), dims);
                }
                folded[i] = data.data()[(int) k];
            }
        }
        return new KnownValue(data.type(), dims, folded);
    }

    static KnownValue unsqueeze(ShapeRules.Context c) {
        KnownValue x = c.in(0);
        long[] axes = c.attr("axes") != null ? ShapeRules.ints(c, "axes") : c.in(1).longs();
        if (!x.hasRank() || axes == null) {
            return KnownValue.UNKNOWN.withType(x.type());
        }
        int r = x.rank() + axes.length;
        boolean[] inserted = new boolean[r];
        for (long a : axes) {
            int axis = ShapeRules.clampAxis(a, r);
            if (axis >= r) {
                return KnownValue.UNKNOWN.withType(x.type());
            }
            inserted[axis] = true;
        }
        long[] dims = new long[r];
        for (int i = 0, j = 0; i < r; i++) {
            dims[i] = inserted[i] ? 1 : j < x.rank() ? x.dims()[j++] : -1;
        }
        return new KnownValue(x.type(), dims, x.data());
    }

    static KnownValue squeeze(ShapeRules.Context c) {
        KnownValue x = c.in(0);
        long[] axes = c.attr("axes") != null ? ShapeRules.ints(c, "axes") : c.inputCount() > 1 ? c.in(1).longs() : null;
        if (!x.hasRank()) {
            return KnownValue.UNKNOWN.withType(x.type());
        }
        boolean[] removed = new boolean[x.rank()];
        if (axes == null) {
            if (!x.fullyKnown()) {
                return KnownValue.UNKNOWN.withType(x.type());
            }
            for (int i = 0; i < removed.length; i++) {
                removed[i] = x.dims()[i] == 1;
            }
        } else {
            for (long a : axes) {
                int axis = ShapeRules.clampAxis(a, x.rank());
                if (axis < x.rank()) {
                    removed[axis] = true;
                }
            }
        }
        long[] dims = new long[0];
        for (int i = 0; i < removed.length; i++) {
            if (!removed[i]) {
                dims = ShapeRules.concat(dims, new long[] {x.dims()[i]});
            }
        }
        return new KnownValue(x.type(), dims, x.data());
    }

    static KnownValue slice(ShapeRules.Context c) {
        KnownValue x = c.in(0);
        boolean attrs = c.attr("starts") != null;
        long[] starts = attrs ? ShapeRules.ints(c, "starts") : c.in(1).longs();
        long[] ends = attrs ? ShapeRules.ints(c, "ends") : c.in(2).longs();
        long[] axes = attrs ? ShapeRules.ints(c, "axes") : c.inputCount() > 3 ? c.in(3).longs() : null;
        long[] steps = !attrs && c.inputCount() > 4 ? c.in(4).longs() : null;
        if (!x.hasRank() || starts == null || ends == null || starts.length != ends.length) {
            return x.hasRank() ? KnownValue.shape(x.type(), ShapeRules.unknownDims(x.rank())) : KnownValue.UNKNOWN;
        }
        long[] dims = x.dims().clone();
        long first = 0;
        long step1 = 1;
        for (int i = 0; i < starts.length; i++) {
            int axis = axes == null ? i : ShapeRules.clampAxis(axes[i], x.rank());
            long step = steps == null ? 1 : steps[i];
            if (axis >= x.rank() || step == 0 || dims[axis] < 0) {
                if (axis < x.rank()) {
                    dims[axis] = -1;
                }
                continue;
            }
            long n = dims[axis];
            long s = ShapeRules.clampIndex(starts[i], n, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
            long e = ShapeRules.clampIndex(ends[i], n, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
            dims[axis] = Math.max(0, step > 0 ? (e - s + step - 1) / step : (s - e - step - 1) / -step);
            first = s;
            step1 = step;
        }
        double[] data = null;
        if (x.rank() == 1 && x.data() != null && dims[0] >= 0 && dims[0] <= x.data().length) {
            data = new double[(int) dims[0]];
            for (int i = 0; i < data.length; i++) {
                long at = first + i * step1;
                if (at < 0 || at >= x.data().length) {
                    return KnownValue.shape(x.type(), dims);
                }
                data[i] = x.data()[(int) at];
            }
        }
        return new KnownValue(x.type(), dims, data);
    }

    static double[] arithmetic(String op, double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length && a.length != 1 && b.length != 1) {
            return null;
        }
        double[] out = new double[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            double x = a[a.length == 1 ? 0 : i];
            double y = b[b.length == 1 ? 0 : i];
            switch (op) {
                case "Add" -> out[i] = x + y;
                case "Sub" -> out[i] = x - y;
                case "Mul" -> out[i] = x * y;
                case "Div" -> {
                    if (y == 0) {
                        return null;
                    }
                    out[i] = x / y;
                }
                case "Max" -> out[i] = Math.max(x, y);
                case "Min" -> out[i] = Math.min(x, y);
                default -> {
                    return null;
                }
            }
        }
        return out;
    }

    static double[] unary(String op, double[] x) {
        if (x == null) {
            return null;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            switch (op) {
                case "Neg" -> out[i] = -x[i];
                case "Abs" -> out[i] = Math.abs(x[i]);
                case "Floor" -> out[i] = Math.floor(x[i]);
                case "Ceil" -> out[i] = Math.ceil(x[i]);
                case "Relu" -> out[i] = Math.max(0, x[i]);
                default -> {
                    return null;
                }
            }
        }
        return out;
    }
}

package io.proofdesk.reexec;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The output shapes of ONNX operators, for {@link TensorSizeCheck}: exact when the inputs that fix them are known,
 * {@link KnownValue#UNKNOWN} otherwise. Covers the operators that make or grow tensors from a shape, a count or
 * repeats (ConstantOfShape, Expand, Tile, Range, OneHot, Pad, Resize, Upsample, the Random* family), the ones
 * models build shapes with ({@link ShapeFolding}: their small results are folded), and the common shape-preserving,
 * broadcasting and layout ones (Reshape, Flatten, Transpose, MatMul, Gemm), so sizes flow through a graph.
 */
final class ShapeRules {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int BOOL = 9;
    /** No model has more dimensions; a shape vector claiming more is not followed (its rank is left unknown). */
    static final int MAX_RANK = 64;

    private static final Set<String> SAME_SHAPE = Set.of("Abs", "Acos", "Acosh", "Asin", "Asinh", "Atan", "Atanh",
            "BitwiseNot", "Ceil", "Celu", "Cos", "Cosh", "Elu", "Erf", "Exp", "Floor", "Gelu", "HardSigmoid",
            "HardSwish", "Hardmax", "Identity", "LeakyRelu", "Log", "LogSoftmax", "Mish", "Neg", "Not", "Reciprocal",
            "Relu", "Round", "Selu", "Shrink", "Sigmoid", "Sign", "Sin", "Sinh", "Softmax", "Softplus", "Softsign",
            "Sqrt", "Tan", "Tanh", "ThresholdedRelu", "Dropout", "Clip", "CumSum", "LRN", "LpNormalization",
            "BatchNormalization", "InstanceNormalization", "LayerNormalization", "MeanVarianceNormalization", "Trilu",
            "EyeLike", "RandomNormalLike", "RandomUniformLike", "Bernoulli", "IsInf", "IsNaN");
    private static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum",
            "Mean", "Mod", "PRelu", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "And", "Or", "Xor", "Equal",
            "Greater", "GreaterOrEqual", "Less", "LessOrEqual", "Where");
    private static final Set<String> TO_BOOL = Set.of("And", "Or", "Xor", "Not", "Equal", "Greater", "GreaterOrEqual",
            "Less", "LessOrEqual", "IsInf", "IsNaN");

    /** What one node's inputs and attributes give: a node of {@link TensorSizeCheck} and its environment. */
    interface Context {
        /** The value of input {@code i}, {@link KnownValue#UNKNOWN} if absent or unknown. */
        KnownValue in(int i);

        int inputCount();

        TensorSizeCheck.Attr attr(String name);
    }

    private ShapeRules() {
    }

    /** The node's first output (the only one these rules work out); UNKNOWN for an operator not covered. */
    static KnownValue apply(String op, Context c) {
        if (SAME_SHAPE.contains(op)) {
            KnownValue x = c.in(0);
            int type = TO_BOOL.contains(op) ? BOOL : x.type();
            double[] data = x.data() != null && op.equals("Identity") ? x.data() : ShapeFolding.unary(op, x.data());
            return new KnownValue(type, x.dims(), data);
        }
        if (BROADCAST.contains(op)) {
            return broadcastOp(op, c);
        }
        return switch (op) {
            case "Constant" -> ShapeFolding.constant(c);
            case "Cast" -> c.in(0).withType((int) intAttr(c, "to", c.in(0).type()));
            case "Shape" -> ShapeFolding.shapeOf(c);
            case "Size" -> c.in(0).fullyKnown() ? KnownValue.scalar(INT64, c.in(0).elements())
                    : KnownValue.shape(INT64, new long[0]);
            case "ConstantOfShape" -> constantOfShape(c);
            case "Expand" -> expand(c);
            case "Tile" -> tile(c);
            case "Reshape" -> reshape(c);
            case "Range" -> range(c);
            case "OneHot" -> oneHot(c);
            case "Pad" -> pad(c);
            case "Resize", "Upsample" -> resize(op, c);
            case "RandomNormal", "RandomUniform" -> {
                long[] shape = ints(c, "shape");
                yield shape == null ? KnownValue.UNKNOWN : KnownValue.shape((int) intAttr(c, "dtype", FLOAT), shape);
            }
            case "Multinomial" -> c.in(0).hasRank() && c.in(0).rank() == 2
                    ? KnownValue.shape((int) intAttr(c, "dtype", 6),
                            new long[] {c.in(0).dims()[0], intAttr(c, "sample_size", 1)})
                    : KnownValue.UNKNOWN;
            case "Concat" -> ShapeFolding.concat(c);
            case "Gather" -> ShapeFolding.gather(c);
            case "Unsqueeze" -> ShapeFolding.unsqueeze(c);
            case "Squeeze" -> ShapeFolding.squeeze(c);
            case "Slice" -> ShapeFolding.slice(c);
            case "Flatten" -> flatten(c);
            case "Transpose" -> transpose(c);
            case "MatMul" -> matMul(c);
            case "Gemm" -> gemm(c);
            case "ConvTranspose" -> {
                long[] out = ints(c, "output_shape");
                KnownValue x = c.in(0);
                yield out != null && x.hasRank() && x.rank() == out.length + 2
                        ? KnownValue.shape(x.type(), concat(new long[] {x.dims()[0], -1}, out)) : KnownValue.UNKNOWN;
            }
            default -> KnownValue.UNKNOWN;
        };
    }

    private static KnownValue constantOfShape(Context c) {
        TensorSizeCheck.Attr value = c.attr("value");
        int type = value != null && value.tensor() != null ? value.tensor().type() : FLOAT;
        long[] shape = c.in(0).longs();
        if (shape == null) {
            return c.in(0).fullyKnown() && c.in(0).rank() == 1 && c.in(0).dims()[0] <= MAX_RANK
                    ? KnownValue.shape(type, unknownDims((int) c.in(0).dims()[0])) : KnownValue.UNKNOWN;
        }
        double fill = value != null && value.tensor() != null && value.tensor().data() != null
                && value.tensor().data().length == 1 ? value.tensor().data()[0] : 0;
        KnownValue out = KnownValue.shape(type, shape);
        if (out.fullyKnown() && out.elements() <= KnownValue.MAX_DATA) {
            double[] data = new double[(int) out.elements()];
            Arrays.fill(data, fill);
            return new KnownValue(type, shape, data);
        }
        return out;
    }

    private static KnownValue expand(Context c) {
        KnownValue x = c.in(0);
        long[] shape = c.in(1).longs();
        if (shape == null) {
            return KnownValue.UNKNOWN;
        }
        if (!x.hasRank()) {
            // x's dimensions are unknown, but each output dimension is at least the one asked for (or x's, if 1)
            long[] dims = new long[shape.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = shape[i] == 1 ? -1 : shape[i];
            }
            return KnownValue.shape(x.type(), dims);
        }
        return KnownValue.shape(x.type(), broadcast(List.of(x.dims(), shape)));
    }

    private static KnownValue tile(Context c) {
        KnownValue x = c.in(0);
        long[] repeats = c.in(1).longs();
        if (!x.hasRank() || repeats == null || repeats.length != x.rank()) {
            return KnownValue.UNKNOWN;
        }
        long[] dims = new long[repeats.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = x.dims()[i] < 0 || repeats[i] < 0 ? -1 : saturatedProduct(x.dims()[i], repeats[i]);
        }
        return KnownValue.shape(x.type(), dims);
    }

    private static KnownValue reshape(Context c) {
        KnownValue x = c.in(0);
        long[] shape = c.in(1).longs();
        if (shape == null) {
            return KnownValue.UNKNOWN;
        }
        boolean allowZero = intAttr(c, "allowzero", 0) == 1;
        long[] dims = new long[shape.length];
        int inferred = -1;
        double known = 1;
        for (int i = 0; i < dims.length; i++) {
            long s = shape[i];
            if (s == 0 && !allowZero) {
                dims[i] = x.hasRank() && i < x.rank() ? x.dims()[i] : -1;
            } else if (s == -1) {
                inferred = i;
                dims[i] = -1;
            } else {
                dims[i] = s;
            }
            if (i != inferred) {
                known = dims[i] < 0 || known < 0 ? -1 : known * dims[i];
            }
        }
        if (inferred >= 0 && x.fullyKnown() && known > 0) {
            dims[inferred] = (long) (x.elements() / known);
        }
        return new KnownValue(x.type(), dims, x.data());
    }

    private static KnownValue range(Context c) {
        KnownValue start = c.in(0);
        KnownValue limit = c.in(1);
        KnownValue delta = c.in(2);
        if (start.data() == null || limit.data() == null || delta.data() == null || start.data().length != 1
                || limit.data().length != 1 || delta.data().length != 1 || delta.data()[0] == 0) {
            return KnownValue.shape(start.type(), new long[] {-1});
        }
        double n = Math.ceil((limit.data()[0] - start.data()[0]) / delta.data()[0]);
        return KnownValue.shape(start.type(), new long[] {(long) Math.max(0, Math.min(n, Long.MAX_VALUE))});
    }

    private static KnownValue oneHot(Context c) {
        KnownValue indices = c.in(0);
        KnownValue depth = c.in(1);
        if (!indices.hasRank() || depth.data() == null || depth.data().length != 1) {
            return KnownValue.UNKNOWN;
        }
        int r = indices.rank() + 1;
        int axis = (int) intAttr(c, "axis", -1);
        axis = axis < 0 ? axis + r : axis;
        if (axis < 0 || axis >= r) {
            return KnownValue.UNKNOWN;
        }
        long[] dims = new long[r];
        for (int i = 0, j = 0; i < r; i++) {
            dims[i] = i == axis ? (long) Math.max(0, depth.data()[0]) : indices.dims()[j++];
        }
        return KnownValue.shape(c.in(2).type(), dims);
    }

    private static KnownValue pad(Context c) {
        KnownValue x = c.in(0);
        long[] pads = c.attr("pads") != null ? ints(c, "pads") : c.in(1).longs();
        if (!x.hasRank() || pads == null) {
            return KnownValue.UNKNOWN;
        }
        long[] axes = c.inputCount() > 3 ? c.in(3).longs() : null;
        int r = x.rank();
        long[] dims = x.dims().clone();
        int n = axes == null ? r : axes.length;
        if (pads.length != 2L * n) {
            return KnownValue.UNKNOWN;
        }
        for (int i = 0; i < n; i++) {
            int axis = axes == null ? i : clampAxis(axes[i], r);
            if (axis >= r) {
                return KnownValue.UNKNOWN;
            }
            dims[axis] = dims[axis] < 0 ? -1 : Math.max(0, dims[axis] + pads[i] + pads[i + n]);
        }
        return KnownValue.shape(x.type(), dims);
    }

    private static KnownValue resize(String op, Context c) {
        KnownValue x = c.in(0);
        if (!x.hasRank()) {
            return KnownValue.UNKNOWN;
        }
        long[] axes = ints(c, "axes");
        long[] sizes = op.equals("Resize") && c.inputCount() > 3 ? c.in(3).longs() : null;
        double[] scales = c.attr("scales") != null ? c.attr("scales").floats()
                : c.in(op.equals("Resize") && c.inputCount() > 2 ? 2 : 1).data();
        if (sizes != null && sizes.length > 0) {
            return KnownValue.shape(x.type(), onAxes(x.dims(), axes, sizes, null));
        }
        if (scales != null && scales.length > 0) {
            return KnownValue.shape(x.type(), onAxes(x.dims(), axes, null, scales));
        }
        return KnownValue.UNKNOWN;
    }

    private static long[] onAxes(long[] in, long[] axes, long[] sizes, double[] scales) {
        long[] dims = in.clone();
        int n = sizes != null ? sizes.length : scales.length;
        if (axes == null && n != in.length || axes != null && axes.length != n) {
            return unknownDims(in.length);
        }
        for (int i = 0; i < n; i++) {
            int axis = axes == null ? i : clampAxis(axes[i], in.length);
            if (axis >= in.length) {
                return unknownDims(in.length);
            }
            dims[axis] = sizes != null ? sizes[i]
                    : in[axis] < 0 ? -1 : (long) Math.min(Math.floor(in[axis] * scales[i]), Long.MAX_VALUE);
        }
        return dims;
    }

    private static KnownValue broadcastOp(String op, Context c) {
        List<long[]> shapes = new java.util.ArrayList<>();
        for (int i = 0; i < c.inputCount(); i++) {
            if (!c.in(i).hasRank()) {
                return KnownValue.UNKNOWN.withType(TO_BOOL.contains(op) ? BOOL : c.in(op.equals("Where") ? 1 : 0).type());
            }
            shapes.add(c.in(i).dims());
        }
        int type = TO_BOOL.contains(op) ? BOOL : c.in(op.equals("Where") ? 1 : 0).type();
        long[] dims = broadcast(shapes);
        double[] data = c.inputCount() == 2 ? ShapeFolding.arithmetic(op, c.in(0).data(), c.in(1).data()) : null;
        return new KnownValue(type, dims, data);
    }

    private static KnownValue flatten(Context c) {
        KnownValue x = c.in(0);
        if (!x.hasRank()) {
            return KnownValue.shape(x.type(), new long[] {-1, -1});
        }
        int axis = clampAxis(intAttr(c, "axis", 1), x.rank());
        return KnownValue.shape(x.type(), new long[] {product(x.dims(), 0, axis), product(x.dims(), axis, x.rank())});
    }

    private static KnownValue transpose(Context c) {
        KnownValue x = c.in(0);
        if (!x.hasRank()) {
            return KnownValue.UNKNOWN.withType(x.type());
        }
        long[] perm = ints(c, "perm");
        long[] dims = new long[x.rank()];
        for (int i = 0; i < dims.length; i++) {
            int from = perm == null ? dims.length - 1 - i : (int) perm[i];
            dims[i] = perm != null && (perm.length != dims.length || from < 0 || from >= dims.length) ? -1 : x.dims()[from];
        }
        return KnownValue.shape(x.type(), dims);
    }

    private static KnownValue matMul(Context c) {
        KnownValue a = c.in(0);
        KnownValue b = c.in(1);
        if (!a.hasRank() || !b.hasRank() || a.rank() == 0 || b.rank() == 0) {
            return KnownValue.UNKNOWN.withType(a.type());
        }
        long[] ad = a.rank() == 1 ? new long[] {1, a.dims()[0]} : a.dims();
        long[] bd = b.rank() == 1 ? new long[] {b.dims()[0], 1} : b.dims();
        long[] batch = broadcast(List.of(Arrays.copyOf(ad, ad.length - 2), Arrays.copyOf(bd, bd.length - 2)));
        long[] tail = a.rank() == 1 && b.rank() == 1 ? new long[0]
                : a.rank() == 1 ? new long[] {bd[bd.length - 1]}
                : b.rank() == 1 ? new long[] {ad[ad.length - 2]}
                : new long[] {ad[ad.length - 2], bd[bd.length - 1]};
        return KnownValue.shape(a.type(), concat(batch, tail));
    }

    private static KnownValue gemm(Context c) {
        KnownValue a = c.in(0);
        KnownValue b = c.in(1);
        if (!a.hasRank() || !b.hasRank() || a.rank() != 2 || b.rank() != 2) {
            return KnownValue.shape(a.type(), new long[] {-1, -1});
        }
        long m = intAttr(c, "transA", 0) == 1 ? a.dims()[1] : a.dims()[0];
        long n = intAttr(c, "transB", 0) == 1 ? b.dims()[0] : b.dims()[1];
        return KnownValue.shape(a.type(), new long[] {m, n});
    }

    /** Numpy broadcasting; a dimension known in one shape and unknown in another is the known one unless it is 1. */
    static long[] broadcast(List<long[]> shapes) {
        int r = 0;
        for (long[] s : shapes) {
            r = Math.max(r, s.length);
        }
        long[] out = new long[r];
        for (int i = 1; i <= r; i++) {
            long known = 1;
            boolean unknown = false;
            for (long[] s : shapes) {
                if (s.length >= i) {
                    long d = s[s.length - i];
                    if (d < 0) {
                        unknown = true;
                    } else if (d != 1) {
                        known = known == 1 ? d : Math.max(known, d);
                    }
                }
            }
            out[r - i] = known != 1 ? known : unknown ? -1 : 1;
        }
        return out;
    }

    static long intAttr(Context c, String name, long fallback) {
        TensorSizeCheck.Attr a = c.attr(name);
        return a == null ? fallback : a.i();
    }

    static long[] ints(Context c, String name) {
        TensorSizeCheck.Attr a = c.attr(name);
        return a == null ? null : a.ints();
    }

    static int clampAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a < 0 || a > rank ? Integer.MAX_VALUE : (int) a;
    }

    static long clampIndex(long i, long n, long low, long high) {
        long v = i < 0 ? i + n : i;
        return Math.max(low, Math.min(high, v));
    }

    private static long product(long[] dims, int from, int to) {
        long n = 1;
        for (int i = from; i < Math.min(to, dims.length); i++) {
            if (dims[i] < 0) {
                return -1;
            }
            n = saturatedProduct(n, dims[i]);
        }
        return n;
    }

    static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static boolean allKnown(long[] dims) {
        return Arrays.stream(dims).allMatch(d -> d >= 0);
    }

    static long[] unknownDims(int rank) {
        long[] dims = new long[Math.max(0, rank)];
        Arrays.fill(dims, -1);
        return dims;
    }

    static double[] toDoubles(long[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

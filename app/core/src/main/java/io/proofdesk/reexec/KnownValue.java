package io.proofdesk.reexec;

import io.proofdesk.domain.DType;

import java.util.Arrays;

/**
 * What {@link TensorSizeCheck} knows of one value of a graph: its ONNX element type (0 when unknown), its dimensions
 * ({@code null} when even the rank is unknown, -1 for one unknown dimension), and for a small numeric tensor its
 * elements as doubles (models build shapes from such tensors: Shape, Gather, Concat, a constant).
 */
record KnownValue(int type, long[] dims, double[] data) {

    /** Elements of a tensor whose values are kept, so shape arithmetic can be followed; larger ones are not. */
    static final int MAX_DATA = 1024;

    static final KnownValue UNKNOWN = new KnownValue(0, null, null);

    KnownValue {
        if (data != null && (data.length > MAX_DATA || dims == null)) {
            data = null;
        }
    }

    static KnownValue shape(int type, long[] dims) {
        return new KnownValue(type, dims, null);
    }

    /** A 1-D tensor of the given numbers (for instance the dimensions Shape returns). */
    static KnownValue vector(int type, double[] values) {
        return new KnownValue(type, new long[] {values.length}, values);
    }

    static KnownValue scalar(int type, double value) {
        return new KnownValue(type, new long[0], new double[] {value});
    }

    boolean hasRank() {
        return dims != null;
    }

    int rank() {
        return dims.length;
    }

    /** Every dimension is known. */
    boolean fullyKnown() {
        if (dims == null) {
            return false;
        }
        for (long d : dims) {
            if (d < 0) {
                return false;
            }
        }
        return true;
    }

    /** Elements of a fully known tensor, as a double so that absurd shapes do not overflow. */
    double elements() {
        double n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Bytes of a fully known tensor: elements times the width of its type, at least one byte an element. */
    double bytes() {
        return elements() * Math.max(1, width(type));
    }

    static int width(int onnxType) {
        try {
            return DType.fromOnnxCode(onnxType).byteSize();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** The data as whole numbers (dimensions, axes, counts), or null if unknown or not all whole. */
    long[] longs() {
        if (data == null) {
            return null;
        }
        long[] out = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                return null;
            }
            out[i] = (long) v;
        }
        return out;
    }

    KnownValue withType(int newType) {
        return new KnownValue(newType, dims, data);
    }

    String typeName() {
        try {
            return DType.fromOnnxCode(type).name().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "tensor";
        }
    }

    @Override
    public String toString() {
        return typeName() + (dims == null ? "[?]" : Arrays.toString(dims).replace("-1", "?"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnownValue k && k.type == type && Arrays.equals(k.dims, dims) && Arrays.equals(k.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + Arrays.hashCode(dims)) + Arrays.hashCode(data);
    }
}

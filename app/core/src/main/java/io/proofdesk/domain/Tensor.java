package io.proofdesk.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named tensor as Proofdesk keeps it: element type, shape and the elements in row-major order as
 * little-endian bytes (the layout of ONNX's {@code raw_data}); string tensors keep their values in
 * {@code strings} and have empty {@code data}. Immutable: the arrays are copied in and out.
 */
public record Tensor(String name, DType type, long[] shape, byte[] data, List<String> strings) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = shape.clone();
        data = data == null ? new byte[0] : data.clone();
        strings = strings == null ? List.of() : List.copyOf(strings);
        long n = elementCount(shape);
        if (type == DType.STRING) {
            if (strings.size() != n) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                        + " holds " + n + " strings but " + strings.size() + " were given");
            }
        } else if ((long) data.length != n * type.byteSize()) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " of "
                    + type + " needs " + n * type.byteSize() + " bytes but " + data.length + " were given");
        }
    }

    /** Number of elements a shape holds; rejects negative dimensions and sizes past 2^31 elements. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            // n <= 2^31 here, so an overflow ([3, 2^62]) is a shape past the limit too, not an ArithmeticException
            n = d > Integer.MAX_VALUE && n > 0 ? Long.MAX_VALUE : n * d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
            }
        }
        return n;
    }

    public static Tensor ofFloats(String name, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Tensor(name, DType.FLOAT, shape, b.array(), null);
    }

    public static Tensor ofDoubles(String name, long[] shape, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new Tensor(name, DType.DOUBLE, shape, b.array(), null);
    }

    public static Tensor ofLongs(String name, long[] shape, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new Tensor(name, DType.INT64, shape, b.array(), null);
    }

    public static Tensor ofStrings(String name, long[] shape, List<String> values) {
        return new Tensor(name, DType.STRING, shape, null, values);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return (int) elementCount(shape);
    }

    /** Whether {@code other} has this shape, without copying either (comparisons run once per output per check). */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Whether {@code other} holds bit-identical elements (bytes or strings), without copying either. */
    public boolean sameElements(Tensor other) {
        return Arrays.equals(data, other.data) && strings.equals(other.strings);
    }

    public ByteBuffer buffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Every element widened to double (exact for all types but INT64/UINT64 beyond 2^53). */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        ByteBuffer b = buffer();
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> b.getFloat(i * 4);
                case DOUBLE -> b.getDouble(i * 8);
                case INT8 -> b.get(i);
                case UINT8, BOOL -> b.get(i) & 0xff;
                case INT16 -> b.getShort(i * 2);
                case UINT16 -> b.getShort(i * 2) & 0xffff;
                case INT32 -> b.getInt(i * 4);
                case UINT32 -> b.getInt(i * 4) & 0xffffffffL;
                case INT64 -> b.getLong(i * 8);
                case UINT64 -> Long.toUnsignedString(b.getLong(i * 8)).length() < 16
                        ? b.getLong(i * 8) : Double.parseDouble(Long.toUnsignedString(b.getLong(i * 8)));
                case FLOAT16 -> Float.float16ToFloat(b.getShort(i * 2));
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                case STRING -> throw new IllegalStateException("tensor '" + name + "' holds strings, not numbers");
            };
        }
        return out;
    }

    public float[] toFloats() {
        if (type == DType.FLOAT) {
            float[] out = new float[size()];
            buffer().asFloatBuffer().get(out);
            return out;
        }
        double[] d = toDoubles();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && type == t.type && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data) && strings.equals(t.strings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(shape), Arrays.hashCode(data), strings);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + type + Arrays.toString(shape) + "]";
    }
}

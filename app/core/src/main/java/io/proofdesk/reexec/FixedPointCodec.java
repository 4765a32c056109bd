package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between the network's fixed-point tensors and {@link Tensor}s of a model's declared element type.
 *
 * <p><b>Decoding</b> (chain -> model input) follows the network's node: the exact value / 10^decimals is rounded
 * to the nearest double (as Python's {@code int / int} does) and, for float32 inputs, that double is rounded to
 * float32. Integer and bool inputs must be whole numbers within the type's range. decimals must lie in -18..18:
 * OpenGradient's contracts state some numbers with negative decimals (value 2, decimals -1 is 20).
 *
 * <p><b>Encoding</b> (model output -> chain), the rule Proofdesk's demo nodes write: each float becomes the
 * shortest decimal that reads back as the same float ({@link Float#toString}/{@link Double#toString}), with
 * trailing zeros dropped, so {@code decode(encode(x))} gives x back bit for bit whenever that decimal needs at
 * most 18 places. Longer ones (|x| below about 1e-12) are rounded half-even to 18 places; the round-trip error
 * is then at most 0.5e-18. Integers get decimals 0. NaN, infinities and values beyond int128 cannot be encoded.
 */
public final class FixedPointCodec {

    public static final int MAX_DECIMALS = 18;
    /**
     * How many decimals a claimed output may state: the chain allows any int128, and OpenGradient's 2024 devnet logged
     * outputs with decimals 22 (its SDK reads them as value / 10^decimals). Past a few hundred a double is zero
     * anyway; the cap only bounds the arithmetic.
     */
    public static final int CLAIM_MAX_DECIMALS = 400;

    private static final BigDecimal FLOAT16_MAX = new BigDecimal("65504");
    /** 1e0..1e22, each exactly a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** Decodes for the element type the model declares for this input. */
    public Tensor decode(FixedPointTensor t, TensorSpec spec) {
        return decode(t, spec.type());
    }

    public Tensor decode(FixedPointTensor t, DType target) {
        return decode(t, target, MAX_DECIMALS);
    }

    /**
     * Decodes a claimed output (what a record states the model gave), which may state up to
     * {@link #CLAIM_MAX_DECIMALS} decimals; inputs keep the node's limit of {@link #MAX_DECIMALS}.
     */
    public Tensor decodeClaim(FixedPointTensor t, DType target) {
        return decode(t, target, CLAIM_MAX_DECIMALS);
    }

    private Tensor decode(FixedPointTensor t, DType target, int maxDecimals) {
        long[] shape = t.shape();
        long n;
        try {
            n = Tensor.elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw new TensorFormatException(t.name(), e.getMessage(), e);
        }
        if (n != t.values().size()) {
            throw new TensorFormatException(t.name(), "shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but " + t.values().size() + " values were given");
        }
        if (target == DType.STRING || target == DType.BFLOAT16) {
            throw new UnsupportedTensorTypeException(t.name(), "fixed-point numbers as " + target);
        }
        ByteBuffer out = ByteBuffer.allocate((int) n * target.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            FixedPointNumber v = t.values().get(i);
            if (target == DType.DOUBLE || target == DType.FLOAT) {
                double quick = quickDouble(v, maxDecimals);
                if (!Double.isNaN(quick)) {
                    if (target == DType.DOUBLE) {
                        out.putDouble(quick);
                    } else {
                        out.putFloat((float) quick);
                    }
                    continue;
                }
            }
            BigDecimal real = exact(t.name(), i, v, maxDecimals);
            switch (target) {
                case FLOAT -> out.putFloat(toFloat(t.name(), i, real));
                case DOUBLE -> out.putDouble(toDouble(t.name(), i, real));
                case FLOAT16 -> {
                    if (real.abs().compareTo(FLOAT16_MAX) > 0) {
                        throw new FixedPointException(t.name(), i, real.toPlainString() + " is beyond float16 range");
                    }
                    out.putShort(Float.floatToFloat16((float) real.doubleValue()));
                }
                default -> putInteger(out, target, t.name(), i, real);
            }
        }
        return new Tensor(t.name(), target, shape, out.array(), null);
    }

    /** Encodes an output tensor by the shortest-decimal rule described on the class. */
    public FixedPointTensor encode(Tensor t) {
        if (t.type() == DType.STRING) {
            throw new UnsupportedTensorTypeException(t.name(), "string tensors as fixed-point numbers");
        }
        int n = t.size();
        List<FixedPointNumber> values = new ArrayList<>(n);
        ByteBuffer b = t.buffer();
        for (int i = 0; i < n; i++) {
            values.add(switch (t.type()) {
                case FLOAT -> fromDecimal(t.name(), i, b.getFloat(i * 4), Float.toString(b.getFloat(i * 4)));
                case DOUBLE -> fromDecimal(t.name(), i, b.getDouble(i * 8), Double.toString(b.getDouble(i * 8)));
                case FLOAT16, BFLOAT16 -> {
                    float f = t.type() == DType.FLOAT16 ? Float.float16ToFloat(b.getShort(i * 2))
                            : Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                    yield fromDecimal(t.name(), i, f, Float.toString(f));
                }
                case UINT64 -> new FixedPointNumber(new BigInteger(Long.toUnsignedString(b.getLong(i * 8))),
                        BigInteger.ZERO);
                case INT64 -> new FixedPointNumber(BigInteger.valueOf(b.getLong(i * 8)), BigInteger.ZERO);
                case INT8 -> whole(b.get(i));
                case UINT8, BOOL -> whole(b.get(i) & 0xff);
                case INT16 -> whole(b.getShort(i * 2));
                case UINT16 -> whole(b.getShort(i * 2) & 0xffff);
                case INT32 -> whole(b.getInt(i * 4));
                case UINT32 -> whole(b.getInt(i * 4) & 0xffffffffL);
                case STRING -> throw new IllegalStateException("refused above");
            });
        }
        return new FixedPointTensor(t.name(), values, t.shape());
    }

    private static FixedPointNumber whole(long v) {
        return new FixedPointNumber(BigInteger.valueOf(v), BigInteger.ZERO);
    }

    private static FixedPointNumber fromDecimal(String name, int i, double value, String shortest) {
        if (!Double.isFinite(value)) {
            throw new FixedPointException(name, i, value + " has no fixed-point form");
        }
        BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
        if (d.scale() > MAX_DECIMALS) {
            d = d.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        if (!FixedPointNumber.fitsInt128(d.unscaledValue())) {
            throw new FixedPointException(name, i, shortest + " does not fit an int128 fixed-point value");
        }
        return new FixedPointNumber(d.unscaledValue(), BigInteger.valueOf(d.scale()));
    }

    /**
     * value / 10^decimals rounded to the nearest double without BigDecimal, when both are exact doubles (|value| below
     * 2^53, |decimals| at most 22): one IEEE division or multiplication of exact operands is correctly rounded, as
     * {@link BigDecimal#doubleValue()} is, so the result is the same double. NaN when that does not apply (the exact
     * path decides, and words any error).
     */
    private static double quickDouble(FixedPointNumber v, int maxDecimals) {
        BigInteger dec = v.decimals();
        if (v.value().bitLength() > 53 || dec.bitLength() > 5) {
            return Double.NaN;
        }
        int d = dec.intValue();
        if (Math.abs(d) > Math.min(maxDecimals, 22)) {
            return Double.NaN;
        }
        double value = v.value().longValue();
        return d >= 0 ? value / POWERS_OF_TEN[d] : value * POWERS_OF_TEN[-d];
    }

    private static BigDecimal exact(String name, int i, FixedPointNumber v, int maxDecimals) {
        BigInteger dec = v.decimals();
        if (dec.abs().compareTo(BigInteger.valueOf(maxDecimals)) > 0) {
            throw new FixedPointException(name, i, "decimals " + dec + " outside -" + maxDecimals + ".."
                    + maxDecimals);
        }
        return new BigDecimal(v.value(), dec.intValue());
    }

    private static float toFloat(String name, int i, BigDecimal real) {
        float f = (float) toDouble(name, i, real);
        if (Float.isInfinite(f)) {
            throw new FixedPointException(name, i, real.toPlainString() + " is beyond float32 range");
        }
        return f;
    }

    private static double toDouble(String name, int i, BigDecimal real) {
        double d = real.doubleValue();
        if (Double.isInfinite(d)) {
            throw new FixedPointException(name, i, real.toPlainString() + " is beyond float64 range");
        }
        return d;
    }

    private static void putInteger(ByteBuffer out, DType target, String name, int i, BigDecimal real) {
        BigInteger whole;
        try {
            whole = real.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new FixedPointException(name, i, real.toPlainString() + " is not a whole number, the model expects "
                    + target);
        }
        BigInteger[] range = switch (target) {
            case INT8 -> range(-128, 127);
            case UINT8 -> range(0, 255);
            case BOOL -> range(0, 1);
            case INT16 -> range(Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> range(0, 65535);
            case INT32 -> range(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> range(0, 0xffffffffL);
            case INT64 -> range(Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64 -> new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
            default -> throw new IllegalStateException(target + " is not an integer type");
        };
        if (whole.compareTo(range[0]) < 0 || whole.compareTo(range[1]) > 0) {
            throw new FixedPointException(name, i, whole + " is outside the range of " + target);
        }
        switch (target.byteSize()) {
            case 1 -> out.put(whole.byteValue());
            case 2 -> out.putShort(whole.shortValue());
            case 4 -> out.putInt(whole.intValue());
            default -> out.putLong(whole.longValue());
        }
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }
}

package io.proofdesk.verify.checks;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored floating-point tensor read as the shortest decimals of its elements, held as primitive
 * {@code unscaled * 10^-scale} pairs instead of BigDecimals: the re-execution check reads every stored claim this
 * way, once per check. It gives exactly what {@link ClaimedTensors#fromStored} followed by
 * {@link FixedPointCodec#decode} gives (same decimals, same decoded bits); {@link #read} returns null for a tensor
 * it cannot hold so (an element needing more than 18 places or more than 18 digits), and callers then take the
 * BigDecimal path.
 */
final class ShortestDecimals {

    /** Doubles hold integers up to 2^53 and powers of ten up to 10^22 exactly; a quotient of two is then rounded once. */
    private static final long EXACT_LONG = 1L << 53;
    private static final double[] POW10 = new double[FixedPointCodec.MAX_DECIMALS + 1];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final long[] unscaled;
    private final byte[] scale;
    private final int maxScale;

    private ShortestDecimals(long[] unscaled, byte[] scale, int maxScale) {
        this.unscaled = unscaled;
        this.scale = scale;
        this.maxScale = maxScale;
    }

    /** The shortest decimals of a FLOAT, DOUBLE, FLOAT16 or BFLOAT16 tensor; null if one does not fit (see class). */
    static ShortestDecimals read(Tensor t) {
        DType type = t.type();
        if (type != DType.FLOAT && type != DType.DOUBLE && type != DType.FLOAT16 && type != DType.BFLOAT16) {
            return null;
        }
        double[] d = t.toDoubles();
        long[] unscaled = new long[d.length];
        byte[] scale = new byte[d.length];
        long[] one = new long[2];
        int max = 0;
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                return null;  // the BigDecimal path refuses it with its own message
            }
            String text = type == DType.DOUBLE ? Double.toString(d[i]) : Float.toString((float) d[i]);
            if (!parse(text, one)) {
                return null;
            }
            unscaled[i] = one[0];
            scale[i] = (byte) one[1];
            max = Math.max(max, (int) one[1]);
        }
        return new ShortestDecimals(unscaled, scale, max);
    }

    /**
     * Reads Java's {@code Float/Double.toString} text ("-12.5", "1.0E-5") as unscaled and scale, trailing zeros
     * dropped and a negative scale made 0, as BigDecimal's stripTrailingZeros/setScale(0) would. False when the
     * result would need a scale above 18 or more than 18 digits.
     */
    static boolean parse(String text, long[] out) {
        int i = 0;
        int n = text.length();
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int significant = 0;
        int fraction = 0;
        boolean inFraction = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                inFraction = true;
            } else if (c >= '0' && c <= '9') {
                if (digits != 0 || c != '0') {
                    if (++significant > 18) {
                        return false;
                    }
                }
                digits = digits * 10 + (c - '0');
                if (inFraction) {
                    fraction++;
                }
            } else if (c == 'E') {
                break;
            } else {
                return false;
            }
        }
        int exponent = i < n ? Integer.parseInt(text, i + 1, n, 10) : 0;
        long scale = (long) fraction - exponent;
        if (digits == 0) {
            scale = 0;
        }
        while (digits != 0 && digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        if (scale > FixedPointCodec.MAX_DECIMALS) {
            return false;
        }
        if (scale < 0) {
            if (-scale > FixedPointCodec.MAX_DECIMALS) {
                return false;
            }
            try {
                digits = Math.multiplyExact(digits, (long) POW10[(int) -scale]);
            } catch (ArithmeticException e) {
                return false;
            }
            scale = 0;
        }
        out[0] = negative ? -digits : digits;
        out[1] = scale;
        return true;
    }

    /** The largest scale (the claim's finest precision). */
    int maxDecimals() {
        return maxScale;
    }

    /**
     * The elements decoded to FLOAT or DOUBLE as {@link FixedPointCodec} decodes them (exact value rounded to the
     * nearest double, then to float32); null for other types or a value float32 cannot hold, which the codec's
     * own path reports.
     */
    Tensor decode(String name, long[] shape, DType target) {
        if (target != DType.FLOAT && target != DType.DOUBLE) {
            return null;
        }
        int n = unscaled.length;
        ByteBuffer out = ByteBuffer.allocate(n * target.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double d = Math.abs(unscaled[i]) <= EXACT_LONG
                    ? unscaled[i] / POW10[scale[i]]
                    : BigDecimal.valueOf(unscaled[i], scale[i]).doubleValue();
            if (target == DType.FLOAT) {
                float f = (float) d;
                if (Float.isInfinite(f)) {
                    return null;
                }
                out.putFloat(f);
            } else {
                out.putDouble(d);
            }
        }
        return new Tensor(name, target, shape, out.array(), null);
    }

    /** The same numbers as the network's fixed-point tensor, for the codec's general path. */
    FixedPointTensor toFixedPoint(String name, long[] shape) {
        List<FixedPointNumber> values = new ArrayList<>(unscaled.length);
        for (int i = 0; i < unscaled.length; i++) {
            values.add(new FixedPointNumber(BigInteger.valueOf(unscaled[i]), BigInteger.valueOf(scale[i])));
        }
        return new FixedPointTensor(name, values, shape);
    }
}

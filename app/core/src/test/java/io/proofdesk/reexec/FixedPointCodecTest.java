package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedPointCodecTest {

    private final FixedPointCodec codec = new FixedPointCodec();

    private static FixedPointTensor tensor(long[] shape, FixedPointNumber... values) {
        return new FixedPointTensor("x", List.of(values), shape);
    }

    @Test
    void decodesToTheModelsDeclaredType() {
        FixedPointTensor t = tensor(new long[] {2, 2}, FixedPointNumber.of(15, 1), FixedPointNumber.of(-2500, 3),
                FixedPointNumber.of(0, 0), FixedPointNumber.of(7, 0));
        assertArrayEquals(new float[] {1.5f, -2.5f, 0f, 7f}, codec.decode(t, DType.FLOAT).toFloats());
        assertArrayEquals(new double[] {1.5, -2.5, 0, 7}, codec.decode(t, DType.DOUBLE).toDoubles());
        Tensor f32 = codec.decode(t, DType.FLOAT);
        assertEquals(DType.FLOAT, f32.type());
        assertArrayEquals(new long[] {2, 2}, f32.shape());
        // 0.1 goes through the nearest double first, as the node's Python does, then to float32
        assertEquals((float) 0.1, codec.decode(tensor(new long[] {1}, FixedPointNumber.of(1, 1)), DType.FLOAT)
                .toFloats()[0]);
        FixedPointTensor ints = tensor(new long[] {3}, FixedPointNumber.of(-3, 0), FixedPointNumber.of(400, 2),
                FixedPointNumber.of(120, 0));
        assertArrayEquals(new double[] {-3, 4, 120}, codec.decode(ints, DType.INT64).toDoubles());
        assertArrayEquals(new double[] {-3, 4, 120}, codec.decode(ints, DType.INT8).toDoubles());
    }

    @Test
    void refusesWhatTheTargetTypeCannotHold() {
        FixedPointException half = assertThrows(FixedPointException.class,
                () -> codec.decode(tensor(new long[] {2}, FixedPointNumber.of(1, 0), FixedPointNumber.of(15, 1)),
                        DType.INT32));
        assertEquals(1, half.index());
        assertTrue(half.getMessage().contains("not a whole number"), half.getMessage());
        assertThrows(FixedPointException.class,
                () -> codec.decode(tensor(new long[] {1}, FixedPointNumber.of(300, 0)), DType.INT8));
        assertThrows(FixedPointException.class,
                () -> codec.decode(tensor(new long[] {1}, FixedPointNumber.of(2, 0)), DType.BOOL));
        // int128 always fits float32 (2^127 < 3.4e38), but not float16
        FixedPointNumber huge = new FixedPointNumber(FixedPointNumber.INT128_MAX, BigInteger.ZERO);
        assertEquals(0x1p127f, codec.decode(tensor(new long[] {1}, huge), DType.FLOAT).toFloats()[0]);
        assertTrue(assertThrows(FixedPointException.class, () -> codec.decode(tensor(new long[] {1},
                FixedPointNumber.of(70000, 0)), DType.FLOAT16)).getMessage().contains("float16 range"));
    }

    @Test
    void decimalsBeyond18EitherWayAreRejected() {
        FixedPointTensor t = tensor(new long[] {2}, FixedPointNumber.of(1, 18), FixedPointNumber.of(1, 19));
        FixedPointException e = assertThrows(FixedPointException.class, () -> codec.decode(t, DType.DOUBLE));
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("decimals 19 outside -18..18"), e.getMessage());
        assertThrows(FixedPointException.class,
                () -> codec.decode(tensor(new long[] {1}, FixedPointNumber.of(1, -19)), DType.DOUBLE));
    }

    @Test
    void aClaimMayStateMoreDecimalsThanAnInputUpToTheClaimCap() {
        // OpenGradient's 2024 devnet logged Number(38972780704498291015625, 22): the SDK read 3.8972780704498291015625
        FixedPointTensor claim = tensor(new long[] {1}, new FixedPointNumber(
                new java.math.BigInteger("38972780704498291015625"), java.math.BigInteger.valueOf(22)));
        assertThrows(FixedPointException.class, () -> codec.decode(claim, DType.DOUBLE));
        assertEquals(3.8972780704498291015625, codec.decodeClaim(claim, DType.DOUBLE).toDoubles()[0]);
        FixedPointException e = assertThrows(FixedPointException.class, () -> codec.decodeClaim(tensor(new long[] {1},
                FixedPointNumber.of(1, 401)), DType.DOUBLE));
        assertTrue(e.getMessage().contains("decimals 401 outside -400..400"), e.getMessage());
    }

    @Test
    void negativeDecimalsMultiply() {
        // OpenGradient states some numbers with negative decimals: (2, -1) is 20, (-35, -2) is -3500
        Tensor t = codec.decode(tensor(new long[] {2}, FixedPointNumber.of(2, -1), FixedPointNumber.of(-35, -2)),
                DType.DOUBLE);
        assertArrayEquals(new double[] {20, -3500}, t.toDoubles());
        assertEquals(0, FixedPointNumber.of(2, -1).toBigDecimal().compareTo(new BigDecimal(20)));
        assertEquals("20", FixedPointNumber.of(2, -1).toString());
    }

    @Test
    void int128LimitsAreHeldAndLargeValuesConvert() {
        BigInteger max = FixedPointNumber.INT128_MAX;
        BigInteger min = FixedPointNumber.INT128_MIN;
        assertThrows(IllegalArgumentException.class, () -> new FixedPointNumber(max.add(BigInteger.ONE), BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new FixedPointNumber(min.subtract(BigInteger.ONE), BigInteger.ZERO));
        FixedPointTensor t = tensor(new long[] {2}, new FixedPointNumber(max, BigInteger.valueOf(18)),
                new FixedPointNumber(min, BigInteger.valueOf(18)));
        double[] d = codec.decode(t, DType.DOUBLE).toDoubles();
        assertEquals(new BigDecimal(max, 18).doubleValue(), d[0]);
        assertEquals(-1.7014118346046923e20, d[1], 1e5);
        // a large double encodes exactly with decimals 0 and comes back the same
        Tensor big = Tensor.ofDoubles("y", new long[] {2}, new double[] {1.5e30, -9.999999999999999e37});
        FixedPointTensor enc = codec.encode(big);
        assertEquals(BigInteger.ZERO, enc.values().get(0).decimals());
        assertEquals(new BigInteger("1500000000000000000000000000000"), enc.values().get(0).value());
        assertArrayEquals(big.toDoubles(), codec.decode(enc, DType.DOUBLE).toDoubles());
        // 3e38 fits float32 but not int128
        assertThrows(FixedPointException.class,
                () -> codec.encode(Tensor.ofFloats("z", new long[] {1}, new float[] {3e38f})));
    }

    @Test
    void encodingUsesTheShortestDecimal() {
        Tensor t = Tensor.ofFloats("p", new long[] {5}, new float[] {0.1f, -2.5f, 0f, 100f, 1.17549435E-38f});
        List<FixedPointNumber> v = codec.encode(t).values();
        assertEquals(FixedPointNumber.of(1, 1), v.get(0));
        assertEquals(FixedPointNumber.of(-25, 1), v.get(1));
        assertEquals(FixedPointNumber.of(0, 0), v.get(2));
        assertEquals(FixedPointNumber.of(100, 0), v.get(3));
        assertEquals(FixedPointNumber.of(0, 0), v.get(4), "below 1e-18 rounds to zero at 18 decimals");
        assertThrows(FixedPointException.class,
                () -> codec.encode(Tensor.ofFloats("n", new long[] {2}, new float[] {1f, Float.NaN})));
        assertThrows(FixedPointException.class,
                () -> codec.encode(Tensor.ofDoubles("n", new long[] {1}, new double[] {Double.NEGATIVE_INFINITY})));
    }

    @Test
    void floatsRoundTripWithinTheToleranceTheirDecimalsImply() {
        SplittableRandom r = new SplittableRandom(7);
        float[] values = new float[20_000];
        for (int i = 0; i < values.length; i++) {
            double magnitude = Math.pow(10, r.nextInt(-16, 20));
            values[i] = (float) ((r.nextDouble() - 0.5) * magnitude);
        }
        values[0] = -0f;
        values[1] = Float.MIN_VALUE;
        values[2] = -123456.79f;
        Tensor t = Tensor.ofFloats("out", new long[] {100, 200}, values);
        FixedPointTensor enc = codec.encode(t);
        float[] back = codec.decode(enc, DType.FLOAT).toFloats();
        int exact = 0;
        int uncapped = 0;
        for (int i = 0; i < values.length; i++) {
            int decimals = enc.values().get(i).decimals().intValueExact();
            assertTrue(decimals >= 0 && decimals <= 18);
            double bound = 0.5 * Math.pow(10, -decimals) + Math.ulp(values[i]);
            assertTrue(Math.abs(back[i] - values[i]) <= bound, "element " + i + ": " + values[i] + " -> " + back[i]);
            if (new BigDecimal(Float.toString(values[i])).stripTrailingZeros().scale() <= FixedPointCodec.MAX_DECIMALS) {
                uncapped++;
                exact += back[i] == values[i] ? 1 : 0;
            }
        }
        // the shortest decimal reads back as the same float unless it needed more than 18 places
        assertEquals(uncapped, exact, exact + " exact of " + uncapped + " whose shortest decimal needs at most 18 places");
        assertTrue(uncapped > values.length / 2);
        assertArrayEquals(t.shape(), enc.shape());
    }

    @Test
    void integersAndNegativesRoundTripExactly() {
        Tensor ints = Tensor.ofLongs("i", new long[] {4}, new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE});
        FixedPointTensor enc = codec.encode(ints);
        enc.values().forEach(v -> assertEquals(BigInteger.ZERO, v.decimals()));
        assertEquals(ints, codec.decode(enc, DType.INT64));
        List<FixedPointNumber> negatives = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            negatives.add(FixedPointNumber.of(-i * 1234, i % 4));
        }
        FixedPointTensor neg = new FixedPointTensor("n", negatives, new long[] {2, 3});
        FixedPointTensor again = codec.encode(codec.decode(neg, DType.DOUBLE));
        for (int i = 0; i < 6; i++) {
            assertEquals(0, negatives.get(i).toBigDecimal().compareTo(again.values().get(i).toBigDecimal()),
                    negatives.get(i) + " came back as " + again.values().get(i));
        }
        assertEquals(FixedPointNumber.of(-617, 0), again.values().get(4), "-617.0 is written without trailing zeros");
    }

    @Test
    void shapeMustMatchTheNumberOfValues() {
        assertTrue(assertThrows(TensorFormatException.class,
                () -> codec.decode(tensor(new long[] {2, 2}, FixedPointNumber.of(1, 0)), DType.FLOAT))
                .getMessage().contains("holds 4 elements but 1 values"));
    }

    @Test
    void floatsAndDoublesAreTheExactQuotientRoundedOnceAsBigDecimalRoundsIt() {
        // the decoder divides by a power of ten in double arithmetic when both are exact doubles; that must be the
        // very double BigDecimal gives (and its float32), at the edges of where it applies and past them
        SplittableRandom random = new SplittableRandom(11);
        List<FixedPointNumber> values = new ArrayList<>();
        long[] edges = {0, 1, -1, 9, (1L << 53) - 1, -((1L << 53) - 1), 1L << 53, -(1L << 53), (1L << 53) + 1,
            Long.MAX_VALUE, Long.MIN_VALUE, 123_456_789, 5, 15, 25, 35};
        for (int d = -22; d <= 22; d++) {
            for (long v : edges) {
                values.add(FixedPointNumber.of(v, d));
            }
            for (int k = 0; k < 300; k++) {
                long v = random.nextLong() >> random.nextInt(64);
                values.add(FixedPointNumber.of(v, d));
            }
        }
        values.add(new FixedPointNumber(BigInteger.TWO.pow(126), BigInteger.valueOf(3)));
        for (int maxDecimals : new int[] {FixedPointCodec.MAX_DECIMALS, FixedPointCodec.CLAIM_MAX_DECIMALS}) {
            for (FixedPointNumber n : values) {
                FixedPointTensor t = tensor(new long[] {1}, n);
                boolean allowed = n.decimals().abs().intValueExact() <= maxDecimals;
                double expected = n.toBigDecimal().doubleValue();
                if (!allowed) {
                    assertThrows(FixedPointException.class, () -> decode(t, DType.DOUBLE, maxDecimals));
                    continue;
                }
                assertEquals(Double.doubleToRawLongBits(expected),
                        Double.doubleToRawLongBits(decode(t, DType.DOUBLE, maxDecimals).toDoubles()[0]), n::toString);
                if (Float.isInfinite((float) expected)) {
                    assertThrows(FixedPointException.class, () -> decode(t, DType.FLOAT, maxDecimals));
                } else {
                    assertEquals(Float.floatToRawIntBits((float) expected),
                            Float.floatToRawIntBits(decode(t, DType.FLOAT, maxDecimals).toFloats()[0]), n::toString);
                }
            }
        }
    }

    private Tensor decode(FixedPointTensor t, DType type, int maxDecimals) {
        return maxDecimals == FixedPointCodec.MAX_DECIMALS ? codec.decode(t, type) : codec.decodeClaim(t, type);
    }
}

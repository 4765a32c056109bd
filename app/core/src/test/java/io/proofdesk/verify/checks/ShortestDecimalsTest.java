package io.proofdesk.verify.checks;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The primitive reading of stored claims gives what the BigDecimal reading gives, bit for bit. */
class ShortestDecimalsTest {

    /** The BigDecimal reading of one element, as {@link ClaimedTensors#fromStored} did it before the fast path. */
    private static FixedPointNumber slow(String text) {
        BigDecimal v = new BigDecimal(text).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return new FixedPointNumber(v.unscaledValue(), BigInteger.valueOf(v.scale()));
    }

    private static void assertSameAsSlowPath(Tensor stored, DType target) {
        ShortestDecimals fast = ShortestDecimals.read(stored);
        assertNotNull(fast, stored + " should fit the fast path");
        double[] d = stored.toDoubles();
        List<FixedPointNumber> values = new ArrayList<>();
        for (double v : d) {
            values.add(slow(stored.type() == DType.DOUBLE ? Double.toString(v) : Float.toString((float) v)));
        }
        FixedPointTensor expected = new FixedPointTensor(stored.name(), values, stored.shape());
        assertEquals(expected, fast.toFixedPoint(stored.name(), stored.shape()));
        assertEquals(expected.maxDecimals(), fast.maxDecimals());
        Tensor decoded = fast.decode(stored.name(), stored.shape(), target);
        assertNotNull(decoded);
        assertArrayEquals(new FixedPointCodec().decode(expected, target).data(), decoded.data(),
                "decoded bits differ for " + stored);
    }

    @Test
    @DisplayName("random floats of every magnitude the fast path takes decode to the same float32 bits and decimals")
    void randomFloats() {
        Random random = new Random(20261204);
        for (int round = 0; round < 200; round++) {
            float[] v = new float[64];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (i % 4) {
                    case 0 -> random.nextFloat() * 2 - 1;
                    case 1 -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(14) - 4));
                    case 2 -> (float) random.nextInt(100_000) - 50_000;
                    default -> Float.intBitsToFloat(random.nextInt());
                };
                if (!Float.isFinite(v[i]) || Math.abs(v[i]) < 1e-9f || Math.abs(v[i]) > 1e12f) {
                    v[i] = 0.5f;
                }
            }
            Tensor t = Tensor.ofFloats("y", new long[] {8, 8}, v);
            assertSameAsSlowPath(t, DType.FLOAT);
            assertSameAsSlowPath(t, DType.DOUBLE);
        }
    }

    @Test
    @DisplayName("doubles, zeros, whole numbers and large values read as the BigDecimal path reads them")
    void edges() {
        assertSameAsSlowPath(Tensor.ofDoubles("y", new long[] {6},
                new double[] {0.1, -0.0, 1e7, 123456789.125, 1.0E-15, 9.007199254740993E15}), DType.DOUBLE);
        assertSameAsSlowPath(Tensor.ofFloats("y", new long[] {5}, new float[] {0f, -0f, 1e10f, 3.4e12f, 1e-7f}),
                DType.FLOAT);
    }

    @Test
    @DisplayName("an element needing more than 18 places, or not finite, is left to the BigDecimal path")
    void refused() {
        assertNull(ShortestDecimals.read(Tensor.ofFloats("y", new long[] {2}, new float[] {0.5f, 1e-30f})));
        assertNull(ShortestDecimals.read(Tensor.ofFloats("y", new long[] {1}, new float[] {Float.NaN})));
        assertNull(ShortestDecimals.read(Tensor.ofFloats("y", new long[] {1}, new float[] {3e38f})));
        assertNull(ShortestDecimals.read(Tensor.ofDoubles("y", new long[] {1}, new double[] {1e39})));
        assertNull(ShortestDecimals.read(Tensor.ofLongs("y", new long[] {1}, new long[] {3})));
    }
}

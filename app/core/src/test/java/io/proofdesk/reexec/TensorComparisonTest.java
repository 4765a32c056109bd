package io.proofdesk.reexec;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorComparisonTest {

    private final TensorComparison comparison = new TensorComparison();
    private static final long[] SHAPE = {1, 4};

    private static Tensor f(float... v) {
        return Tensor.ofFloats("y", SHAPE, v);
    }

    @Test
    void identicalBytesAreExact() {
        TensorComparisonResult r = comparison.compare(f(0.1f, 0.2f, 0.3f, 0.4f), f(0.1f, 0.2f, 0.3f, 0.4f),
                Tolerance.exact());
        assertEquals(ComparisonStatus.EXACT, r.status());
        assertEquals(0, r.maxAbsError());
        assertEquals(0, r.maxUlp());
        assertEquals(4, r.differences().length);
    }

    @Test
    void oneUlpApartIsWithinADecimalsTolerance() {
        float a = 0.3f;
        float b = Math.nextUp(a);
        TensorComparisonResult r = comparison.compare(f(0.1f, 0.2f, b, 0.4f), f(0.1f, 0.2f, a, 0.4f),
                Tolerance.forDecimals(6));
        assertEquals(ComparisonStatus.WITHIN_TOLERANCE, r.status());
        assertEquals(1, r.maxUlp());
        assertEquals(2, r.worstIndex());
        assertEquals((double) b - a, r.maxAbsError(), 0);
        assertEquals(a - (double) b, r.differences()[2], 0, "differences are local - claimed");
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE,
                comparison.compare(f(0.1f, 0.2f, b, 0.4f), f(0.1f, 0.2f, a, 0.4f), Tolerance.exact()).status());
    }

    @Test
    void aForgedElementIsOutOfToleranceWithItsPlace() {
        TensorComparisonResult r = comparison.compare(f(0.1f, 0.2f, 0.3f, 0.9f), f(0.1f, 0.2f, 0.3f, 0.4f),
                Tolerance.forDecimals(6));
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, r.status());
        assertEquals(1, r.elementsOutOfTolerance());
        assertEquals(3, r.worstIndex());
        assertEquals(0.5, r.maxAbsError(), 1e-6);
        assertEquals(0.5 / 0.9, r.maxRelError(), 1e-6);
        assertTrue(r.maxUlp() > 1_000_000);
        assertTrue(r.reason().contains("1 of 4 elements outside 1e-6"), r.reason());
    }

    @Test
    void nanAgreesOnlyWithNan() {
        assertEquals(ComparisonStatus.WITHIN_TOLERANCE, comparison.compare(f(Float.NaN, 1, 2, 3),
                f(Float.intBitsToFloat(0x7fc00001), 1, 2, 3), Tolerance.forDecimals(6)).status());
        TensorComparisonResult r = comparison.compare(f(Float.NaN, 1, 2, 3), f(0, 1, 2, 3), Tolerance.of(1, 1));
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, r.status());
        assertTrue(Double.isNaN(r.differences()[0]));
        assertEquals(Double.POSITIVE_INFINITY, r.maxAbsError());
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, comparison.compare(f(Float.POSITIVE_INFINITY, 1, 2, 3),
                f(Float.NEGATIVE_INFINITY, 1, 2, 3), Tolerance.of(1, 1)).status());
    }

    @Test
    void shapeTypeAndNameMismatchesAreReportedWithTheReason() {
        TensorComparisonResult shape = comparison.compare(Tensor.ofFloats("y", new long[] {4, 1}, new float[4]),
                f(0, 0, 0, 0), Tolerance.exact());
        assertEquals(ComparisonStatus.MISMATCH, shape.status());
        assertTrue(shape.reason().contains("claimed shape [4, 1], local [1, 4]"), shape.reason());
        TensorComparisonResult type = comparison.compare(Tensor.ofDoubles("y", SHAPE, new double[4]), f(0, 0, 0, 0),
                Tolerance.exact());
        assertEquals(ComparisonStatus.MISMATCH, type.status());
        assertTrue(type.reason().contains("DOUBLE"));
        assertEquals(ComparisonStatus.MISMATCH, comparison.compare(Tensor.ofFloats("z", SHAPE, new float[4]),
                f(0, 0, 0, 0), Tolerance.exact()).status());
    }

    @Test
    void doubleUlpsAndReportsOverMultipleOutputs() {
        double x = 1.0;
        Tensor local = Tensor.ofDoubles("d", new long[] {2}, new double[] {x, -2});
        Tensor claimed = Tensor.ofDoubles("d", new long[] {2}, new double[] {Math.nextUp(Math.nextUp(x)), -2});
        TensorComparisonResult r = comparison.compare(claimed, local, Tolerance.forDecimals(12));
        assertEquals(2, r.maxUlp());
        assertEquals(ComparisonStatus.WITHIN_TOLERANCE, r.status());

        Tensor other = Tensor.ofFloats("p", new long[] {1}, new float[] {1});
        ComparisonReport report = comparison.compareAll(List.of(claimed), List.of(local, other), Tolerance.forDecimals(12));
        assertEquals(ComparisonStatus.MISMATCH, report.overall());
        assertFalse(report.matches());
        assertTrue(report.tensors().get(1).reason().contains("no output 'p'"));
        ComparisonReport extra = comparison.compareAll(List.of(claimed, other, Tensor.ofFloats("q", new long[] {1},
                new float[1])), List.of(local, other), Tolerance.forDecimals(12));
        assertEquals(3, extra.tensors().size());
        assertEquals(ComparisonStatus.MISMATCH, extra.tensors().get(2).status());
    }

    @Test
    void outputsArePairedByNameWhateverOrderTheClaimListsThem() {
        Tensor d = Tensor.ofDoubles("d", new long[] {2}, new double[] {1.0, -2});
        Tensor p = Tensor.ofFloats("p", new long[] {2}, new float[] {0.25f, 0.75f});
        Tensor claimedD = Tensor.ofDoubles("d", new long[] {2}, new double[] {Math.nextUp(1.0), -2});
        Tensor claimedP = Tensor.ofFloats("p", new long[] {2}, new float[] {0.25f, 0.5f});
        List<Tensor> local = List.of(d, p);
        // same order pairs by position, another order goes through the names: both must give one report
        ComparisonReport inOrder = comparison.compareAll(List.of(claimedD, claimedP), local, Tolerance.forDecimals(12));
        ComparisonReport reversed = comparison.compareAll(List.of(claimedP, claimedD), local, Tolerance.forDecimals(12));
        assertEquals(2, inOrder.tensors().size());
        for (int i = 0; i < 2; i++) {
            TensorComparisonResult a = inOrder.tensors().get(i);
            TensorComparisonResult b = reversed.tensors().get(i);
            assertEquals(local.get(i).name(), a.name());
            assertEquals(a.toString(), b.toString());
            assertEquals(a.maxRelError(), b.maxRelError());
            assertEquals(a.worstIndex(), b.worstIndex());
            assertArrayEquals(a.differences(), b.differences());
        }
        assertEquals(ComparisonStatus.WITHIN_TOLERANCE, inOrder.tensors().get(0).status());
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, inOrder.tensors().get(1).status());

        // a name claimed twice is not paired by position: the later claim is the one compared, as before
        ComparisonReport twice = comparison.compareAll(List.of(claimedD, d), List.of(d, d), Tolerance.forDecimals(12));
        assertEquals(List.of(ComparisonStatus.EXACT, ComparisonStatus.MISMATCH),
                twice.tensors().stream().map(TensorComparisonResult::status).toList());
    }

    @Test
    void integersCompareByDifferenceAndStringsByEquality() {
        Tensor a = Tensor.ofLongs("i", new long[] {3}, new long[] {1, 5, 9});
        Tensor b = Tensor.ofLongs("i", new long[] {3}, new long[] {1, 7, 9});
        TensorComparisonResult r = comparison.compare(b, a, Tolerance.exact());
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, r.status());
        assertEquals(2, r.maxUlp());
        assertArrayEquals(new double[] {0, -2, 0}, r.differences());
        Tensor s1 = Tensor.ofStrings("s", new long[] {2}, List.of("cat", "dog"));
        assertEquals(ComparisonStatus.EXACT, comparison.compare(s1, s1, Tolerance.exact()).status());
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE, comparison.compare(Tensor.ofStrings("s", new long[] {2},
                List.of("cat", "cow")), s1, Tolerance.exact()).status());
    }

    @Test
    void toleranceFromClaimedDecimals() {
        FixedPointTensor claim = new FixedPointTensor("y", List.of(FixedPointNumber.of(12345, 4),
                FixedPointNumber.of(5, 1)), new long[] {2});
        Tolerance t = Tolerance.forClaimed(claim);
        assertEquals(1e-4, t.atol(), 1e-18, "the finest precision stated, so one coarse element cannot loosen the check");
        assertEquals(Tolerance.FLOAT32_RTOL, t.rtol());
        assertEquals(1e-6, Tolerance.forDecimals(6).atol(), 1e-20);
        assertTrue(Tolerance.forDecimals(2).accepts(1.0, 1.009));
        assertFalse(Tolerance.forDecimals(2).accepts(1.0, 1.02));
        assertEquals(DType.FLOAT, f(0, 0, 0, 0).type());
    }
}

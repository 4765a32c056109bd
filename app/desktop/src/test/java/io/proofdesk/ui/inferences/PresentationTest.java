package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.store.ModelBucketCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How records, tensors, model names and chart data are shaped for the screen; no toolkit. */
class PresentationTest {

    private static final String TX = "0x3f9a1c" + "0".repeat(54) + "7be2";

    @Test
    void shortIdsKeepLogAndLeafExact() {
        RecordId leaf = RecordId.leaf(TX, 4, 12);
        assertEquals(TX.substring(0, 8) + "\u2026" + TX.substring(62) + ":4#12", InferenceFormat.shortId(leaf));
        assertEquals("credit-mlp", InferenceFormat.shorten("credit-mlp"));
    }

    @Test
    void registryNamesReplaceCids() {
        ModelNames names = new ModelNames(List.of(new ModelVersion("credit-mlp", "2.00", "QmCid2", null, null, null),
                new ModelVersion("credit-mlp", "1.00", "QmCid1", null, null, null)));
        assertEquals("credit-mlp 2.00", names.label("QmCid2", "2.00"));
        assertEquals("QmUnkn\u2026wxyz 1.00", names.label("QmUnknownUnknownUnknownwxyz", "1.00"));
        assertEquals(List.of("2.00"), names.versionsOf("QmCid2"));
        assertEquals(List.of("1.00", "2.00"), names.versionsOf("credit-mlp"));
        assertEquals(List.of(), names.versionsOf(null));
    }

    @Test
    void tensorsShowTheirFirstValues() {
        TensorSummary small = TensorSummary.of(Tensor.ofFloats("x", new long[] {1, 3}, new float[] {1.5f, -2f, 0.25f}));
        assertEquals(new TensorSummary("x", "float", "[1 \u00d7 3]", "1.5, -2.0, 0.25"), small);
        TensorSummary big = TensorSummary.of(Tensor.ofLongs("ids", new long[] {10}, new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals("0, 1, 2, 3, 4, 5, 6, 7, \u2026 (10 values)", big.firstValues());
        TensorSummary words = TensorSummary.of(Tensor.ofStrings("w", new long[] {2}, List.of("cat", "dög")));
        assertEquals("\"cat\", \"dög\"", words.firstValues());
        assertEquals(new TensorSummary("meta", "json", "[1]", "{\"k\": [1, 2]}"),
                TensorSummary.of(io.proofdesk.domain.JsonTensor.of("meta", "{\"k\": [1, 2]}")));
    }

    @ParameterizedTest(name = "{0} s span -> {1}")
    @CsvSource({"0,PT1S", "58,PT5S", "600,PT15S", "7200,PT5M", "86000,PT30M", "86400,PT1H", "259200,PT3H", "31536000,P30D"})
    void bucketsAreRoundAndFew(long spanSeconds, Duration expected) {
        Duration chosen = TimeBuckets.choose(Duration.ofSeconds(spanSeconds), 48);
        assertEquals(expected, chosen);
    }

    @Test
    void chartSeriesAreZeroFilledAndTheTailIsSummed() {
        Instant t = Instant.parse("2025-06-01T00:00:00Z");
        Duration h = Duration.ofHours(1);
        List<ModelBucketCount> rows = List.of(new ModelBucketCount("a", t, 5), new ModelBucketCount("b", t, 1),
                new ModelBucketCount("c", t.plus(h.multipliedBy(2)), 2), new ModelBucketCount("a", t.plus(h.multipliedBy(2)), 4),
                new ModelBucketCount("d", t.plus(h), 1));
        ChartSeries s = ChartSeries.of(rows, h, 3, m -> m.toUpperCase(), "Other");
        assertEquals(List.of("A", "C", "Other"), s.series().stream().map(ChartSeries.Series::label).toList());
        assertArrayEquals(new long[] {5, 0, 4}, s.series().get(0).counts());
        assertArrayEquals(new long[] {0, 0, 2}, s.series().get(1).counts());
        assertArrayEquals(new long[] {1, 1, 0}, s.series().get(2).counts());
        assertEquals(t.plus(h.multipliedBy(2)), s.bucketStart(2));
    }
}

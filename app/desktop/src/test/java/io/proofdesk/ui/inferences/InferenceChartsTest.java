package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import io.proofdesk.ui.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-model chart from the store to the axis labels, without a toolkit: the time spans that broke it (a burst
 * within a minute drew nothing and labelled its axis across years; an empty result kept a stale axis), and the
 * ordinary ones. Records are written to a real store, so the store's bucketing is part of what is checked.
 */
class InferenceChartsTest {

    private static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(new DataDirectory(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** {@code n} demo records, record {@code i} at {@code time.apply(i)}. */
    private List<Inference> write(int n, IntFunction<Instant> time) {
        List<Inference> demo = new DemoStore(3).inferences(n);
        List<Inference> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Inference d = demo.get(i);
            out.add(new Inference(d.id(), d.mode(), d.model(), d.modelVersion(), d.teeId(), d.nodeUrl(),
                    d.settlement(), d.blockNumber(), time.apply(i), d.ethAddress(), d.inputHash(), d.outputHash(),
                    d.signature(), d.blobId(), d.merkleRoot(), d.merkleProof(), List.of(), List.of(), null));
        }
        store.inTransaction(tx -> tx.saveInferences(out));
        return out;
    }

    private ChartSeries chart(InferenceQuery q) {
        InferenceCharts c = store.read(tx -> InferenceCharts.compute(tx.inferences(), q));
        return ChartSeries.of(c.perModel(), c.bucket(), 6, m -> m, "Other");
    }

    private static long total(ChartSeries s) {
        return s.series().stream().mapToLong(x -> Arrays.stream(x.counts()).sum()).sum();
    }

    private static List<String> labels(TimeAxis axis) {
        return Arrays.stream(axis.ticks()).mapToObj(axis::label).toList();
    }

    /** The axis covers every bucket, its ticks are round, and its labels read in order without repeating. */
    private static void assertSaneAxis(ChartSeries s, TimeAxis axis) {
        assertTrue(axis.lower() <= s.bucketStart(0).getEpochSecond(), "axis starts at or before the first bucket");
        assertTrue(axis.upper() >= s.bucketStart(s.buckets() - 1).getEpochSecond(), "and ends at or after the last");
        assertEquals(0, axis.lower() % axis.tick(), "ticks are whole multiples of the tick width");
        assertTrue(axis.ticks().length >= 2 && axis.ticks().length <= TimeAxis.MAX_TICKS + 2, labels(axis).toString());
        List<String> labels = labels(axis);
        assertEquals(labels.size(), new HashSet<>(labels).size(), "no label twice: " + labels);
    }

    @Test
    void twoThousandRecordsWithinAMinuteFillSeveralBucketsOnASecondsAxis() {
        write(2_000, i -> NOON.plusMillis(i * 29L)); // 58 s
        ChartSeries s = chart(InferenceQuery.all());
        assertEquals(Duration.ofSeconds(5), s.bucket());
        assertEquals(2_000, total(s));
        assertEquals(12, s.buckets(), "a minute in 5 s buckets: an area, not a single point");
        TimeAxis axis = TimeAxis.of(s).orElseThrow();
        assertSaneAxis(s, axis);
        assertTrue(axis.upper() - axis.lower() <= 120, "the axis spans the burst, not years: " + labels(axis));
        assertEquals("12:00:00", labels(axis).getFirst());
        assertTrue(labels(axis).stream().allMatch(l -> l.matches("12:0[01]:\\d\\d")), labels(axis).toString());
    }

    @Test
    void recordsAtOneInstantStillDrawAnArea() {
        write(300, i -> NOON);
        ChartSeries s = chart(InferenceQuery.all());
        assertEquals(Duration.ofSeconds(1), s.bucket());
        assertEquals(3, s.buckets(), "an empty bucket each side of the one that holds them");
        assertEquals(300, total(s));
        assertEquals(NOON, s.bucketStart(1));
        assertTrue(s.series().stream().allMatch(x -> x.counts()[0] == 0 && x.counts()[2] == 0));
        TimeAxis axis = TimeAxis.of(s).orElseThrow();
        assertSaneAxis(s, axis);
        assertEquals(List.of("11:59:59", "12:00:00", "12:00:01"), labels(axis));
    }

    @Test
    void oneRecordIsAPeakBetweenTwoEmptyBuckets() {
        Inference only = write(1, i -> NOON.plusSeconds(7)).getFirst();
        ChartSeries s = chart(InferenceQuery.all());
        assertEquals(1, s.series().size());
        assertEquals(List.of(0L, 1L, 0L), Arrays.stream(s.series().getFirst().counts()).boxed().toList());
        assertEquals(only.timestamp(), s.bucketStart(1));
        assertSaneAxis(s, TimeAxis.of(s).orElseThrow());
    }

    @Test
    void noRecordsNoAxis() {
        write(50, i -> NOON.plusSeconds(i));
        ChartSeries s = chart(InferenceQuery.all().withIdContaining("no record has this"));
        assertTrue(s.isEmpty());
        assertEquals(Optional.empty(), TimeAxis.of(s), "nothing to label, rather than a made-up range");
        assertTrue(chart(InferenceQuery.all()).buckets() > 1, "the same store charts when records match");
    }

    @Test
    void aYearSpansMonthsLabelledByDay() {
        Instant jan1 = Instant.parse("2025-01-01T00:00:00Z");
        write(365, i -> jan1.plus(Duration.ofDays(i)).plusSeconds(3_600));
        ChartSeries s = chart(InferenceQuery.all());
        assertEquals(Duration.ofDays(30), s.bucket());
        assertTrue(s.buckets() <= InferenceCharts.MAX_BUCKETS);
        assertEquals(365, total(s));
        TimeAxis axis = TimeAxis.of(s).orElseThrow();
        assertSaneAxis(s, axis);
        assertTrue(axis.tick() >= Duration.ofDays(30).toSeconds(), "month-sized ticks");
        assertTrue(labels(axis).stream().allMatch(l -> l.matches("[A-Z][a-z]{2} \\d{1,2}(, \\d{4})?")),
                labels(axis).toString());
        int firstYear = Instant.ofEpochSecond(axis.lower()).atZone(ZoneOffset.UTC).getYear();
        int lastYear = Instant.ofEpochSecond(axis.upper()).atZone(ZoneOffset.UTC).getYear();
        assertTrue(firstYear >= 2024 && lastYear <= 2026, "the axis stays around the data: " + labels(axis));
        assertEquals(firstYear != lastYear, labels(axis).getFirst().contains(","), "the year shows when it changes");
    }

    @Test
    void theSpanIsReadByTimeNotByBlock() {
        // batch leaves carry their TEE's time, not their block's: here the first and the last block hold records of
        // the same instant and the blocks between range over 66 h, so a span read at the ends of the block order
        // was 0 and gave 1 s buckets, hundreds of thousands of them
        write(200, i -> i == 0 || i == 199 ? NOON : NOON.plusSeconds((i - 100) * 1_200L));
        ChartSeries s = chart(InferenceQuery.all());
        assertEquals(200, total(s));
        assertEquals(Duration.ofHours(3), s.bucket());
        assertTrue(s.buckets() <= InferenceCharts.MAX_BUCKETS, s.buckets() + " buckets of " + s.bucket());
    }

    @Test
    void bucketWidthsStayFewForAnySpan() {
        for (Duration span : List.of(Duration.ZERO, Duration.ofMillis(400), Duration.ofSeconds(59),
                Duration.ofHours(5), Duration.ofDays(400), Duration.ofDays(365L * 120))) {
            Duration w = TimeBuckets.choose(span, InferenceCharts.MAX_BUCKETS);
            assertTrue(span.dividedBy(w) < InferenceCharts.MAX_BUCKETS, span + " in " + w);
            assertTrue(w.compareTo(Duration.ofSeconds(1)) >= 0);
        }
    }
}

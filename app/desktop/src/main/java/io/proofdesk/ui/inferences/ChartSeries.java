package io.proofdesk.ui.inferences;

import io.proofdesk.store.ModelBucketCount;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inferences per model over time, shaped for a stacked chart: every series has a value (zero if none) in every
 * bucket, so stacked areas do not dip between points; the busiest models get their own series and the rest are
 * summed into one named {@code otherLabel}. An area needs two points to be drawn at all, so a result that fits in
 * one bucket (a burst within seconds, a single record) gets an empty bucket on either side.
 */
record ChartSeries(Instant firstBucket, Duration bucket, List<Series> series) {

    record Series(String label, long[] counts) {
    }

    static ChartSeries of(List<ModelBucketCount> rows, Duration bucket, int maxSeries,
                          java.util.function.Function<String, String> label, String otherLabel) {
        if (rows.isEmpty()) {
            return new ChartSeries(Instant.EPOCH, bucket, List.of());
        }
        Instant first = rows.stream().map(ModelBucketCount::bucketStart).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = rows.stream().map(ModelBucketCount::bucketStart).max(Comparator.naturalOrder()).orElseThrow();
        boolean single = first.equals(last);
        Instant origin = single ? first.minus(bucket) : first;
        int size = single ? 3 : (int) (Duration.between(first, last).dividedBy(bucket)) + 1;
        Map<String, long[]> perModel = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ModelBucketCount r : rows) {
            long[] counts = perModel.computeIfAbsent(r.model(), m -> new long[size]);
            counts[(int) Duration.between(origin, r.bucketStart()).dividedBy(bucket)] += r.count();
            totals.merge(r.model(), r.count(), Long::sum);
        }
        List<String> byVolume = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<Series> out = new ArrayList<>();
        long[] other = new long[size];
        boolean hasOther = false;
        for (int i = 0; i < byVolume.size(); i++) {
            long[] counts = perModel.get(byVolume.get(i));
            if (i < maxSeries - 1 || byVolume.size() == maxSeries) {
                out.add(new Series(label.apply(byVolume.get(i)), counts));
            } else {
                hasOther = true;
                for (int b = 0; b < size; b++) {
                    other[b] += counts[b];
                }
            }
        }
        if (hasOther) {
            out.add(new Series(otherLabel, other));
        }
        return new ChartSeries(origin, bucket, List.copyOf(out));
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** How many buckets every series has. */
    int buckets() {
        return series.isEmpty() ? 0 : series.getFirst().counts().length;
    }

    Instant bucketStart(int index) {
        return firstBucket.plus(bucket.multipliedBy(index));
    }
}

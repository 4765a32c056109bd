package io.proofdesk.ui.inferences;

import java.time.Duration;
import java.util.List;

/**
 * Round time widths, for the chart's buckets and its axis ticks: the smallest round width that splits a span into
 * fewer than {@code max} parts. Seconds are in the list because a demo network records thousands of inferences in
 * a minute; whole years are stretched past the list so decades of bad timestamps still give few parts.
 */
final class TimeBuckets {

    private static final List<Duration> WIDTHS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(91), Duration.ofDays(365));

    private TimeBuckets() {
    }

    static Duration choose(Duration span, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one bucket is needed, got " + max);
        }
        Duration s = span.isNegative() ? span.negated() : span;
        for (Duration w : WIDTHS) {
            if (s.dividedBy(w) < max) {
                return w;
            }
        }
        Duration year = WIDTHS.getLast();
        return year.multipliedBy(s.dividedBy(year) / max + 1);
    }
}

package io.proofdesk.ui.inferences;

import java.time.Duration;
import java.util.List;

/** The chart's bucket width: the smallest round width that splits the span into at most {@code maxBuckets}. */
final class TimeBuckets {

    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofDays(91), Duration.ofDays(365));

    private TimeBuckets() {
    }

    static Duration choose(Duration span, int maxBuckets) {
        for (Duration w : WIDTHS) {
            if (span.dividedBy(w) < maxBuckets) {
                return w;
            }
        }
        return WIDTHS.getLast();
    }
}

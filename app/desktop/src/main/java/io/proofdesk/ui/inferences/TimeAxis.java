package io.proofdesk.ui.inferences;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-model chart's time axis for one {@link ChartSeries}, in epoch seconds (UTC): bounds set from the data
 * rather than left to the chart's auto-ranging (which, given a single x value or none, spread the axis over years),
 * round ticks aligned to the tick width, and labels only as fine as the ticks need (seconds for a burst within a
 * minute, the year when the range crosses one).
 */
record TimeAxis(long lower, long upper, long tick, DateTimeFormatter format) {

    /** At most this many tick widths between the first and the last bucket. */
    static final int MAX_TICKS = 8;

    private static final DateTimeFormatter SECONDS = pattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = pattern("MMM d HH:mm");
    private static final DateTimeFormatter DAYS = pattern("MMM d");
    private static final DateTimeFormatter DAYS_WITH_YEAR = pattern("MMM d, yyyy");

    TimeAxis {
        if (tick < 1 || upper <= lower) {
            throw new IllegalArgumentException("an axis needs a positive tick and upper > lower: " + lower + ".."
                    + upper + " by " + tick);
        }
    }

    /** Empty when the series has nothing to draw (the chart then shows no axis labels at all). */
    static Optional<TimeAxis> of(ChartSeries data) {
        if (data.isEmpty()) {
            return Optional.empty();
        }
        long first = data.bucketStart(0).getEpochSecond();
        long last = data.bucketStart(data.buckets() - 1).getEpochSecond();
        long tick = Math.max(1, TimeBuckets.choose(Duration.ofSeconds(last - first), MAX_TICKS).toSeconds());
        long lower = Math.floorDiv(first, tick) * tick;
        long upper = Math.max(lower + tick, -Math.floorDiv(-last, tick) * tick);
        return Optional.of(new TimeAxis(lower, upper, tick, formatFor(tick, lower, upper)));
    }

    private static DateTimeFormatter formatFor(long tick, long lower, long upper) {
        if (tick < 60) {
            return SECONDS;
        }
        if (tick < Duration.ofDays(1).toSeconds()) {
            return MINUTES;
        }
        boolean crossesYear = Instant.ofEpochSecond(lower).atZone(ZoneOffset.UTC).getYear()
                != Instant.ofEpochSecond(upper).atZone(ZoneOffset.UTC).getYear();
        return crossesYear ? DAYS_WITH_YEAR : DAYS;
    }

    String label(long epochSecond) {
        return format.format(Instant.ofEpochSecond(epochSecond));
    }

    /** Every tick's position, lower to upper inclusive, as the chart places them. */
    long[] ticks() {
        int n = (int) ((upper - lower) / tick) + 1;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = lower + i * tick;
        }
        return out;
    }

    private static DateTimeFormatter pattern(String p) {
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withZone(ZoneOffset.UTC);
    }
}

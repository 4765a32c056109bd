package io.proofdesk.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A benchmark's outcome: the ratio against its same-run baseline and the measured values, as one RESULT line. */
public record BenchResult(String name, double ratio, Map<String, String> values) {

    public BenchResult {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code RESULT <name> ratio=<x> <key>=<value> ...} */
    public String line() {
        String rest = values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return "RESULT " + name + " ratio=" + fmt(ratio) + (rest.isEmpty() ? "" : " " + rest);
    }

    /** The median of {@code values} (of an even count, the mean of the middle two). */
    static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** CPU time of every thread of this process so far, or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }
}

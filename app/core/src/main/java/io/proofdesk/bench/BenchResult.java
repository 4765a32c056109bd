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

    static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }
}

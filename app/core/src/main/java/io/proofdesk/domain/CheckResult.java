package io.proofdesk.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a verdict: which check (e.g. "signature", "reexecution"), its status, a sentence why (nullable
 * for PASS) and details to show (e.g. maxAbsError -> "3.1e-7"), kept in insertion order.
 */
public record CheckResult(String name, CheckStatus status, String reason, Map<String, String> details) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        // CheckDetails is immutable and ordered already, so it is kept rather than copied
        details = details == null ? Map.of() : details instanceof CheckDetails kept ? kept
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static CheckResult pass(String name) {
        return new CheckResult(name, CheckStatus.PASS, null, Map.of());
    }
}

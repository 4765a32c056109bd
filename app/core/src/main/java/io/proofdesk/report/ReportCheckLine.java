package io.proofdesk.report;

import java.util.Map;
import java.util.TreeMap;

/** One verdict line: check name, status (PASS/FAIL/UNVERIFIED/ERROR), reason and details, all text. */
public record ReportCheckLine(String name, String status, String reason, Map<String, String> details) {

    public ReportCheckLine {
        details = details == null ? Map.of() : new TreeMap<>(details);
    }
}

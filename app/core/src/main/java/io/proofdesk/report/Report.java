package io.proofdesk.report;

import java.util.List;
import java.util.Objects;

/**
 * A verification report's content (docs/REPORTS.md, schema {@value #SCHEMA}): what was checked, on which network,
 * where, when and by whom, and each record's verdict with its check lines. This is the signed part of a report file.
 * Times are ISO-8601 UTC strings and every measured number is a string, so the canonical form is exact.
 */
public record Report(String schema, String title, String createdAt, ReportAuditor auditor, ReportNetwork network,
                     ReportEnvironment environment, ReportSummary summary, List<ReportRecord> records) {

    public static final String SCHEMA = "proofdesk-report/1";

    public Report {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(auditor, "auditor");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(summary, "summary");
        records = records == null ? List.of() : List.copyOf(records);
    }
}

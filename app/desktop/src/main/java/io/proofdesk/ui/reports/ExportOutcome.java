package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.report.ReportSummary;

import java.util.List;

/** What an export wrote, its verdict counts, and the selected records left out (no verdict yet, or not stored). */
public record ExportOutcome(List<ReportEntry> written, ReportSummary summary, int notVerified,
                            List<RecordId> missing) {

    public ExportOutcome {
        written = List.copyOf(written);
        missing = List.copyOf(missing);
    }
}

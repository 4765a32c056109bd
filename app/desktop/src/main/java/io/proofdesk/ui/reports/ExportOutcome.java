package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.report.ReportSummary;

import java.util.List;

/**
 * What an export wrote, its verdict counts, the selected records left out (no verdict yet, or not stored), how many
 * MISMATCH records were re-executed for the PDF's pictures, and how many still have none ({@code noNetwork}: because
 * no network is configured to run them on; otherwise their run failed and their page says why).
 */
public record ExportOutcome(List<ReportEntry> written, ReportSummary summary, int notVerified,
                            List<RecordId> missing, int reexecuted, int withoutPictures, boolean noNetwork) {

    public ExportOutcome {
        written = List.copyOf(written);
        missing = List.copyOf(missing);
    }
}

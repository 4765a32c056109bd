package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;

/**
 * One row of the Reports list: a report file (from the store's reports table, from the reports folder, or both) and
 * how it stands now. ON_DISK: there, as written (or, for a file only found in the folder, readable as a report).
 * CHANGED: its bytes are no longer those the store recorded. MISSING: moved or deleted. UNREADABLE: in the folder but
 * not a readable report; {@code problem} says why.
 */
public record ListedReport(ReportEntry entry, Status status, String problem) {

    public enum Status { ON_DISK, CHANGED, MISSING, UNREADABLE }

    public boolean present() {
        return status != Status.MISSING;
    }
}

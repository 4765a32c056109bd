package io.proofdesk.ui.reports;

import io.proofdesk.domain.ReportEntry;
import io.proofdesk.report.ListedReport;

import java.nio.file.Path;

/**
 * One listed report file and how it stands (checked when the list was read): on disk, changed since written,
 * missing, or in the reports folder but unreadable, with {@code problem} saying why.
 */
public record ReportRow(ReportEntry entry, ListedReport.Status status, String problem) {

    static ReportRow of(ListedReport r) {
        return new ReportRow(r.entry(), r.status(), r.problem());
    }

    /** Whether the file is still there (it may have changed, or not be a report). */
    public boolean present() {
        return status != ListedReport.Status.MISSING;
    }

    public Path path() {
        return Path.of(entry.path());
    }

    public String fileName() {
        Path name = path().getFileName();
        return name == null ? entry.path() : name.toString();
    }
}

package io.proofdesk.ui.reports;

import io.proofdesk.domain.ReportEntry;

import java.nio.file.Path;

/** One listed report file and whether it is still on disk (checked when the list was read). */
public record ReportRow(ReportEntry entry, boolean present) {

    public Path path() {
        return Path.of(entry.path());
    }

    public String fileName() {
        Path name = path().getFileName();
        return name == null ? entry.path() : name.toString();
    }
}

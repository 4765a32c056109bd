package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A report Proofdesk wrote, as listed in the Reports view. {@code id} is null until stored; {@code format} is
 * e.g. "json", "pdf", "bundle".
 */
public record ReportEntry(Long id, String path, String sha256, Instant createdAt, int recordCount, String format) {

    public ReportEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(format, "format");
    }

    public ReportEntry withId(long newId) {
        return new ReportEntry(newId, path, sha256, createdAt, recordCount, format);
    }
}

package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one kind of report file (JSON, PDF, offline bundle) and says what it wrote, as the store's reports table
 * lists it. Writers never leave a half-written file at {@code target}: they write beside it and move it in place.
 */
public interface ReportExporter<T> {

    /** "json", "pdf" or "bundle", as {@link ReportEntry#format()}. */
    String format();

    ReportEntry export(T content, Path target) throws IOException;
}

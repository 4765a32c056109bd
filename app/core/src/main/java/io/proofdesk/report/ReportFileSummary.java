package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.ReportEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a report file says about itself, read without checking it (checking is {@link ReportChecker}'s job): its
 * format, the SHA-256 of its bytes, when it was written and how many records it holds. A file that is not a readable
 * report gets a {@code problem} sentence instead of the report's facts, never an exception.
 *
 * @param createdAt the report's own creation time, or the file's modification time when the report cannot be read
 * @param records   the number of records, or null when the report cannot be read
 * @param fileSha256 the SHA-256 of the file's bytes (what the Reports list and the reports table show); null when
 *                   the file could not be read at all
 * @param problem   why the file is not a readable report, or null
 */
public record ReportFileSummary(Path path, String format, long size, Instant modified, String fileSha256,
                                Instant createdAt, Long records, String problem) {

    /** Reads and summarises {@code file}; problems become {@link #problem()}. */
    public static ReportFileSummary read(Path file) {
        String format = extension(file);
        long size;
        Instant modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return new ReportFileSummary(file, format, 0, Instant.EPOCH, null, Instant.EPOCH, null,
                    unreadable(e));
        }
        if (size > ReportChecker.MAX_FILE_BYTES) {
            return new ReportFileSummary(file, format, size, modified, null, modified, null,
                    "it is larger than a report can be (" + ReportChecker.MAX_FILE_BYTES + " bytes)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new ReportFileSummary(file, format, size, modified, null, modified, null,
                    unreadable(e));
        }
        String sha = ReportSigner.sha256Hex(bytes);
        boolean pdf = ReportChecker.isPdf(bytes);
        String kind = pdf ? "pdf" : "json";
        JsonNode report;
        try {
            byte[] json = pdf ? new PdfReportReader().attachedJson(bytes) : bytes;
            report = new CanonicalReportJson().parse(json).get("report");
        } catch (IOException | RuntimeException e) {
            return new ReportFileSummary(file, kind, size, modified, sha, modified, null,
                    (pdf ? "it is not a Proofdesk PDF report: " : "it is not a Proofdesk report (not JSON): ")
                            + ReportChecker.firstLine(e.getMessage()));
        }
        if (report == null || !report.isObject()) {
            return new ReportFileSummary(file, kind, size, modified, sha, modified, null,
                    "it is not a Proofdesk report: it has no \"report\" object");
        }
        Instant created;
        try {
            created = Instant.parse(report.path("createdAt").asText(""));
        } catch (DateTimeParseException e) {
            return new ReportFileSummary(file, kind, size, modified, sha, modified, null,
                    "its report has no readable creation time");
        }
        JsonNode counted = report.path("summary").path("records");
        long records = counted.canConvertToLong() && counted.isIntegralNumber() ? counted.longValue()
                : report.path("records").size();
        return new ReportFileSummary(file, kind, size, modified, sha, created, records, null);
    }

    public boolean readable() {
        return problem == null;
    }

    /** As a reports-table entry (not stored: no id); an unreadable file counts no records. */
    public ReportEntry entry() {
        return new ReportEntry(null, path.toAbsolutePath().toString(), fileSha256 == null ? "" : fileSha256,
                createdAt, records == null ? 0 : (int) Math.min(Integer.MAX_VALUE, records), format);
    }

    static String extension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String unreadable(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "it no longer exists"
                : e instanceof java.nio.file.AccessDeniedException ? "it cannot be read: permission denied"
                : "it cannot be read: " + e.getMessage();
    }
}

package io.proofdesk.report;

import io.proofdesk.domain.ReportEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Writes the signed JSON report: the canonical envelope, byte for byte. */
public final class JsonReportExporter implements ReportExporter<SignedReport> {

    @Override
    public String format() {
        return "json";
    }

    @Override
    public ReportEntry export(SignedReport report, Path target) throws IOException {
        byte[] bytes = report.file();
        ReportFiles.writeAtomically(target, bytes);
        return new ReportEntry(null, target.toAbsolutePath().toString(), ReportSigner.sha256Hex(bytes),
                Instant.parse(report.report().createdAt()), report.report().records().size(), format());
    }
}

package io.proofdesk.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Objects;

/**
 * A report with its signature, as written to a {@code .json} file and embedded in the PDF: {@code file} is the
 * canonical envelope {@code {"report": ..., "sha256": ..., "signature": {"alg", "publicKey", "value"}}}
 * (docs/REPORTS.md); {@code sha256} is the hex SHA-256 of the canonical report object, which is what was signed.
 */
public record SignedReport(Report report, String sha256, byte[] file) {

    public SignedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(sha256, "sha256");
        file = file.clone();
    }

    /**
     * A signed report file read back (not checked: that is {@link ReportChecker}'s job): the report as its JSON says,
     * and the SHA-256 of its canonical bytes. What the PDF is drawn from, at export and when checked.
     */
    public static SignedReport parse(byte[] file) throws IOException {
        CanonicalReportJson canonical = new CanonicalReportJson();
        JsonNode body = canonical.parse(file).get("report");
        if (body == null || !body.isObject()) {
            throw new IOException("not a Proofdesk report (no \"report\" object)");
        }
        Report report = canonical.mapper().treeToValue(body, Report.class);
        return new SignedReport(report, ReportSigner.sha256Hex(canonical.bytes(body)), file);
    }

    @Override
    public byte[] file() {
        return file.clone();
    }
}

package io.proofdesk.report;

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

    @Override
    public byte[] file() {
        return file.clone();
    }
}

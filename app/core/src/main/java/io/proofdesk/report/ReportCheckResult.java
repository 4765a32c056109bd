package io.proofdesk.report;

import java.util.List;
import java.util.Optional;

/**
 * What checking a report file found. VALID: canonical, hash and signature verify (and for a PDF, every page is what
 * the signed JSON renders and the PDF signature covers the whole file). TAMPERED: readable, but something does not
 * verify — {@code problems} says what. UNVERIFIED: nothing failed, but something could not be checked — for a PDF
 * without a PDF signature (written before Proofdesk signed PDFs), {@code problems} says so. UNREADABLE: not a report
 * file at all. {@code report} is present whenever the signed content could be read, even if it does not verify (to
 * say what it claims), so callers must look at {@code outcome} first. {@code notes} say what was checked beyond the
 * JSON (pages, PDF signature).
 */
public record ReportCheckResult(Outcome outcome, List<String> problems, Optional<Report> report, String sha256,
                                String signerFingerprint, List<String> notes) {

    public enum Outcome { VALID, TAMPERED, UNVERIFIED, UNREADABLE }

    public ReportCheckResult {
        problems = List.copyOf(problems);
        report = report == null ? Optional.empty() : report;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ReportCheckResult(Outcome outcome, List<String> problems, Optional<Report> report, String sha256,
                             String signerFingerprint) {
        this(outcome, problems, report, sha256, signerFingerprint, List.of());
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    static ReportCheckResult unreadable(String why) {
        return new ReportCheckResult(Outcome.UNREADABLE, List.of(why), Optional.empty(), null, null);
    }
}

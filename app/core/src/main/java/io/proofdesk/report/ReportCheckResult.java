package io.proofdesk.report;

import java.util.List;
import java.util.Optional;

/**
 * What checking a report file found. VALID: canonical, hash and signature verify (and for a PDF, the cover agrees
 * with the signed JSON). TAMPERED: readable, but something does not verify — {@code problems} says what.
 * UNREADABLE: not a report file at all. {@code report} is present whenever the signed content could be read, even
 * if it does not verify (to say what it claims), so callers must look at {@code outcome} first.
 */
public record ReportCheckResult(Outcome outcome, List<String> problems, Optional<Report> report, String sha256,
                                String signerFingerprint) {

    public enum Outcome { VALID, TAMPERED, UNREADABLE }

    public ReportCheckResult {
        problems = List.copyOf(problems);
        report = report == null ? Optional.empty() : report;
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    static ReportCheckResult unreadable(String why) {
        return new ReportCheckResult(Outcome.UNREADABLE, List.of(why), Optional.empty(), null, null);
    }
}

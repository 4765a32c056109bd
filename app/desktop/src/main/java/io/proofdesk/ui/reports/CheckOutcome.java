package io.proofdesk.ui.reports;

import io.proofdesk.report.ReportCheckResult;
import io.proofdesk.report.ReportCheckText;
import io.proofdesk.report.ReportChecker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The offline check of one report file as the view shows it: the outcome, and the lines
 * {@code proofdesk check-report FILE} prints for it. A file deleted since it was written is MISSING.
 */
public record CheckOutcome(Kind kind, List<String> lines) {

    public enum Kind { VALID, TAMPERED, UNVERIFIED, UNREADABLE, MISSING }

    public CheckOutcome {
        lines = List.copyOf(lines);
    }

    /** Reads and checks the file (off the FX thread), like {@code proofdesk check-report FILE} without --key. */
    public static CheckOutcome check(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new CheckOutcome(Kind.MISSING, List.of());
        }
        ReportCheckResult r = new ReportChecker().check(file, Optional.empty());
        return new CheckOutcome(Kind.valueOf(r.outcome().name()), ReportCheckText.lines(file, r, false));
    }
}

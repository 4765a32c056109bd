package io.proofdesk.ui.reports;

import io.proofdesk.domain.Verdict;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.Report;
import io.proofdesk.report.ReportCheckResult;
import io.proofdesk.report.ReportChecker;
import io.proofdesk.report.ReportSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The offline check of one report file as the Reports view shows it: the outcome, and its lines in the view's own
 * words — the file's hash and the signed report's hash each labelled, the signer compared with this Proofdesk's own
 * auditor key and, when the user chose one, with the auditor's public key (the desktop's {@code check-report --key});
 * for a PDF, what was compared beyond the JSON (pages, PDF signature), and what could not be checked when UNVERIFIED.
 * A file deleted since it was written is MISSING.
 */
public record CheckOutcome(Kind kind, List<String> lines) {

    public enum Kind { VALID, TAMPERED, UNVERIFIED, UNREADABLE, MISSING }

    /** The keys the signer is compared with: this app's own public key file, and the one the user chose (or null). */
    public record Keys(Path own, Path chosen) {
    }

    public CheckOutcome {
        lines = List.copyOf(lines);
    }

    /**
     * Reads and checks the file (off the FX thread), as {@code proofdesk check-report FILE [--key CHOSEN]} does.
     * @throws io.proofdesk.report.AuditorKeyException if the chosen key file is not an Ed25519 public key
     */
    public static CheckOutcome check(Path file, Keys keys, ResourceBundle strings) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new CheckOutcome(Kind.MISSING, List.of());
        }
        Optional<PublicKey> chosen = keys.chosen() == null ? Optional.empty()
                : Optional.of(AuditorKey.readPublicKey(keys.chosen()));
        ReportCheckResult r = new ReportChecker().check(file, chosen);
        Lines out = new Lines(strings);
        out.add("reports.check.line.file", file);
        if (r.outcome() == ReportCheckResult.Outcome.UNREADABLE) {
            r.problems().forEach(p -> out.add("reports.check.line.problem", p));
            return new CheckOutcome(Kind.UNREADABLE, out.lines);
        }
        out.add("reports.check.line.fileSha", ReportChecker.fileSha256(file));
        out.add("reports.check.line.reportSha", r.sha256());
        signer(out, r.signerFingerprint(), keys, chosen);
        r.notes().forEach(n -> out.add("reports.check.line.pdfNote", n));
        if (!r.problems().isEmpty()) {
            out.add(r.outcome() == ReportCheckResult.Outcome.UNVERIFIED ? "reports.check.line.notChecked"
                    : "reports.check.line.problems");
            r.problems().forEach(p -> out.add("reports.check.line.problem", p));
        }
        r.report().ifPresent(rep -> claims(out, rep));
        return new CheckOutcome(Kind.valueOf(r.outcome().name()), out.lines);
    }

    private static void signer(Lines out, String fingerprint, Keys keys, Optional<PublicKey> chosen) {
        if (fingerprint == null) {
            out.add("reports.check.signer.unknown");
            return;
        }
        out.add("reports.check.line.signer", fingerprint);
        Optional<String> own = ownFingerprint(keys.own());
        if (own.isPresent() && own.get().equals(fingerprint)) {
            out.add("reports.check.signer.own");
        }
        if (chosen.isPresent()) {
            String expected = AuditorKey.fingerprint(chosen.get());
            if (expected.equals(fingerprint)) {
                out.add("reports.check.signer.chosenMatch", keys.chosen().getFileName());
            } else {
                out.add("reports.check.signer.chosenDiffers", keys.chosen().getFileName(), expected);
            }
        } else if (own.isEmpty() || !own.get().equals(fingerprint)) {
            out.add("reports.check.signer.notCompared");
        }
    }

    /** This app's own key, if it has made one; a broken own key file only means no comparison. */
    private static Optional<String> ownFingerprint(Path own) {
        if (own == null || !Files.isRegularFile(own)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditorKey.fingerprint(AuditorKey.readPublicKey(own)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void claims(Lines out, Report r) {
        out.add("reports.check.line.created", r.createdAt());
        if (r.title() != null && !r.title().isBlank()) {
            out.add("reports.check.line.title", r.title());
        }
        out.add(r.network().chainId() == null ? "reports.check.line.network" : "reports.check.line.networkChain",
                r.network().name(), String.valueOf(r.network().chainId()));
        ReportSummary s = r.summary();
        out.add("reports.check.line.records", s.records(), s.count(Verdict.VERIFIED), s.count(Verdict.MISMATCH),
                s.count(Verdict.UNVERIFIED), s.count(Verdict.ERROR));
    }

    private static final class Lines {
        private final ResourceBundle strings;
        private final List<String> lines = new ArrayList<>();

        Lines(ResourceBundle strings) {
            this.strings = strings;
        }

        void add(String key, Object... args) {
            lines.add(MessageFormat.format(strings.getString(key), args));
        }
    }
}

package io.proofdesk.cli;

import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.AuditorKeyException;
import io.proofdesk.report.ReportCheckResult;
import io.proofdesk.report.ReportCheckText;
import io.proofdesk.report.ReportChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check-report", mixinStandardHelpOptions = true,
        description = "Check a report offline (JSON or PDF): canonical form, SHA-256, Ed25519 signature, and for a "
                + "PDF every page against what the attached JSON renders and the PDF's own digital signature. "
                + "Exit 0 valid, 1 tampered, 2 unverified (a PDF without a PDF signature), 3 unreadable.")
public final class CheckReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "report .json or .pdf")
    Path file;

    @Option(names = "--key", paramLabel = "PUBKEY.pem", description = "The auditor's public key the report must be signed with")
    Path key;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Optional<PublicKey> expected;
        try {
            expected = key == null ? Optional.empty() : Optional.of(AuditorKey.readPublicKey(key));
        } catch (AuditorKeyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        ReportCheckResult r = new ReportChecker().check(file, expected);
        ReportCheckText.lines(file, r, key != null).forEach(out::println);
        return switch (r.outcome()) {
            case VALID -> ExitCode.VERIFIED;
            case UNVERIFIED -> ExitCode.UNVERIFIED;
            case TAMPERED -> ExitCode.MISMATCH;
            case UNREADABLE -> ExitCode.BAD_INPUT;
        };
    }
}

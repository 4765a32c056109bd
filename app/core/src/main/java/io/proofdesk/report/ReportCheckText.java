package io.proofdesk.report;

import io.proofdesk.domain.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code proofdesk check-report} prints for a check, line by line: the outcome and file, what failed, the
 * report's hash, the signer and what the report claims. (The desktop's Reports view words the same facts itself.)
 */
public final class ReportCheckText {

    private ReportCheckText() {
    }

    /** @param keyGiven whether the check compared the signer with an expected key */
    public static List<String> lines(Path file, ReportCheckResult r, boolean keyGiven) {
        List<String> out = new ArrayList<>();
        if (r.outcome() == ReportCheckResult.Outcome.UNREADABLE) {
            out.add("UNREADABLE " + file);
            r.problems().forEach(p -> out.add("  " + p));
            return out;
        }
        out.add(r.outcome().name() + " " + file);
        String kind = r.outcome() == ReportCheckResult.Outcome.UNVERIFIED ? "  not checked: " : "  failed: ";
        r.problems().forEach(p -> out.add(kind + p));
        out.add("report sha256 " + r.sha256() + " (of the signed report content; the PDF cover prints it)");
        out.add("signer   " + r.signerFingerprint() + (keyGiven ? " (compared with the key given with --key)"
                : " (not compared with the auditor's key: give --key PUBKEY.pem to require it)"));
        r.notes().forEach(n -> out.add("pdf      " + n));
        r.report().ifPresent(rep -> summary(out, rep));
        return out;
    }

    private static void summary(List<String> out, Report r) {
        out.add("created  " + r.createdAt());
        out.add("network  " + r.network().name() + (r.network().chainId() == null ? "" : " (chain id "
                + r.network().chainId() + ")"));
        out.add("records  " + r.summary().records());
        for (Verdict v : Verdict.values()) {
            out.add(String.format("%-10s %d", v, r.summary().count(v)));
        }
        out.add("evidence " + ReportEvidenceCounts.of(r).describe());
    }
}

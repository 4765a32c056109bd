package io.proofdesk.verify;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Verdict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The overall verdict from the lines: MISMATCH if any FAIL; else ERROR if any ERROR; else UNVERIFIED if any line is
 * UNVERIFIED (or there are none); else VERIFIED. A NOT_APPLICABLE line decides nothing. The reason lists the lines
 * that decided it.
 */
public final class Verdicts {

    private Verdicts() {
    }

    public static Verdict overall(List<CheckResult> checks) {
        if (checks.stream().allMatch(c -> c.status() == CheckStatus.NOT_APPLICABLE)) {
            return Verdict.UNVERIFIED;
        }
        if (any(checks, CheckStatus.FAIL)) {
            return Verdict.MISMATCH;
        }
        if (any(checks, CheckStatus.ERROR)) {
            return Verdict.ERROR;
        }
        if (any(checks, CheckStatus.UNVERIFIED)) {
            return Verdict.UNVERIFIED;
        }
        return Verdict.VERIFIED;
    }

    public static String reason(Verdict verdict, List<CheckResult> checks) {
        CheckStatus deciding = switch (verdict) {
            case MISMATCH -> CheckStatus.FAIL;
            case ERROR -> CheckStatus.ERROR;
            case UNVERIFIED -> CheckStatus.UNVERIFIED;
            case VERIFIED -> null;
        };
        if (deciding == null) {
            List<CheckResult> na = checks.stream().filter(c -> c.status() == CheckStatus.NOT_APPLICABLE).toList();
            return na.isEmpty() ? "all " + checks.size() + " checks passed"
                    : "all " + (checks.size() - na.size()) + " applicable checks passed ("
                            + na.stream().map(c -> c.name() + ": " + c.reason()).collect(Collectors.joining("; "))
                            + ")";
        }
        if (checks.isEmpty()) {
            return "no checks apply";
        }
        return checks.stream().filter(c -> c.status() == deciding)
                .map(c -> c.name() + ": " + c.reason()).collect(Collectors.joining("; "));
    }

    private static boolean any(List<CheckResult> checks, CheckStatus s) {
        return checks.stream().anyMatch(c -> c.status() == s);
    }
}

package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.verify.Fetched;

import java.util.Map;

/** Builds check lines; details keep insertion order for the UI. */
public final class CheckLines {

    private CheckLines() {
    }

    public static CheckResult pass(String name, String reason, Map<String, String> details) {
        return new CheckResult(name, CheckStatus.PASS, reason, details);
    }

    public static CheckResult fail(String name, String reason, Map<String, String> details) {
        return new CheckResult(name, CheckStatus.FAIL, reason, details);
    }

    public static CheckResult fail(String name, String reason) {
        return fail(name, reason, Map.of());
    }

    public static CheckResult unverified(String name, String reason) {
        return new CheckResult(name, CheckStatus.UNVERIFIED, reason, Map.of());
    }

    public static CheckResult notApplicable(String name, String reason) {
        return new CheckResult(name, CheckStatus.NOT_APPLICABLE, reason, Map.of());
    }

    public static CheckResult error(String name, String reason) {
        return new CheckResult(name, CheckStatus.ERROR, reason, Map.of());
    }

    public static CheckResult of(String name, Fetched.Failed<?> failed) {
        return new CheckResult(name, failed.status(), failed.reason(), Map.of());
    }
}

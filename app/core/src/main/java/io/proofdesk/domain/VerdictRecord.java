package io.proofdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A verdict reached on one inference at one time, with every check line; an inference may collect several. */
public record VerdictRecord(RecordId inferenceId, Verdict verdict, String reason, Instant checkedAt,
                            VerificationEnvironment environment, List<CheckResult> checks) {

    public VerdictRecord {
        Objects.requireNonNull(inferenceId, "inferenceId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(checkedAt, "checkedAt");
        environment = environment == null ? new VerificationEnvironment(null, null, null, null, null) : environment;
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Names of the checks that did not pass (FAIL or ERROR), in order. */
    public List<String> failedChecks() {
        return checks.stream()
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.ERROR)
                .map(CheckResult::name)
                .toList();
    }
}

package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.RecordEvidence;

/**
 * An LLM's answer comes from a hosted model Proofdesk cannot run (and would not reproduce token for token if it
 * could): the re-execution line says so and is NOT_APPLICABLE, neither a pass nor a failure.
 */
public final class NotReexecutableCheck implements InferenceCheck {

    public static final String REASON = "LLM output: not re-executable";

    @Override
    public String name() {
        return CheckNames.REEXECUTION;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        return CheckLines.notApplicable(name(), REASON);
    }
}

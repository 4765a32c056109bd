package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.verify.RecordEvidence;

/** One line of a verdict. Implementations turn every failure into a status with a reason; they do not throw. */
public interface InferenceCheck {

    String name();

    CheckResult check(RecordEvidence evidence);

    /** A line that is UNVERIFIED for the same reason whatever the record: what a missing piece of evidence says. */
    static InferenceCheck alwaysUnverified(String name, String reason) {
        return new InferenceCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult check(RecordEvidence evidence) {
                return CheckLines.unverified(name, reason);
            }
        };
    }
}

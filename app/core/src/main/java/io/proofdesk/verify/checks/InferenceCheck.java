package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.verify.RecordEvidence;

/** One line of a verdict. Implementations turn every failure into a status with a reason; they do not throw. */
public interface InferenceCheck {

    String name();

    CheckResult check(RecordEvidence evidence);
}

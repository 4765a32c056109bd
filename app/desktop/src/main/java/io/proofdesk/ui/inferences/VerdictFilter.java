package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Verdict;
import io.proofdesk.store.InferenceQuery;

/** The verdict filter's choices: any, one verdict, or "not checked yet". */
public enum VerdictFilter {
    ANY(null), VERIFIED(Verdict.VERIFIED), MISMATCH(Verdict.MISMATCH), UNVERIFIED(Verdict.UNVERIFIED),
    ERROR(Verdict.ERROR), NOT_CHECKED(null);

    private final Verdict verdict;

    VerdictFilter(Verdict verdict) {
        this.verdict = verdict;
    }

    InferenceQuery applyTo(InferenceQuery q) {
        return switch (this) {
            case ANY -> q;
            case NOT_CHECKED -> q.withNotChecked();
            default -> q.withVerdict(verdict);
        };
    }
}

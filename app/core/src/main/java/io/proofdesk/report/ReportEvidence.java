package io.proofdesk.report;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;

/**
 * A record's chain evidence as a report carries it (from {@value Report#SCHEMA} on): {@code level} is PROVED, AGREED
 * or TRUSTED, {@code detail} the sentence saying what backs it. Signed with the rest of the record.
 */
public record ReportEvidence(String level, String detail) {

    public static ReportEvidence of(Evidence e) {
        return new ReportEvidence(e.level().name(), e.detail());
    }

    /**
     * As the domain value.
     * @throws IllegalArgumentException for a level that is not one of the three, or a blank detail
     */
    public Evidence toEvidence() {
        return new Evidence(EvidenceLevel.parse(level), detail);
    }
}

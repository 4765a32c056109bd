package io.proofdesk.report;

import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * A report's records per evidence level, and how many of its VERIFIED records rest on one endpoint's word (TRUSTED):
 * what the PDF cover and {@code check-report} print beside the verdict counts. {@code recorded} is false for a report
 * written before evidence levels, whose records all count as TRUSTED, "not recorded".
 */
public record ReportEvidenceCounts(boolean recorded, Map<EvidenceLevel, Long> byLevel, long trustedVerified) {

    public ReportEvidenceCounts {
        byLevel = Map.copyOf(byLevel);
    }

    public static ReportEvidenceCounts of(Report r) {
        Map<EvidenceLevel, Long> counts = new EnumMap<>(EvidenceLevel.class);
        for (EvidenceLevel l : EvidenceLevel.values()) {
            counts.put(l, 0L);
        }
        long trustedVerified = 0;
        for (ReportRecord rec : r.records()) {
            EvidenceLevel level = rec.evidenceOrNotRecorded().level();
            counts.merge(level, 1L, Long::sum);
            if (level == EvidenceLevel.TRUSTED && Verdict.VERIFIED.name().equals(rec.verdict())) {
                trustedVerified++;
            }
        }
        return new ReportEvidenceCounts(r.carriesEvidence(), counts, trustedVerified);
    }

    public long count(EvidenceLevel l) {
        return byLevel.getOrDefault(l, 0L);
    }

    /**
     * One line: "PROVED 3, AGREED 1, TRUSTED 2 (1 VERIFIED record rests on one endpoint's word, not proved)", or for an
     * older report that its records carry no evidence level.
     */
    public String describe() {
        if (!recorded) {
            return "not recorded: the report was written before evidence levels (read as TRUSTED, one endpoint's "
                    + "word, not proved)";
        }
        StringBuilder sb = new StringBuilder();
        for (EvidenceLevel l : EvidenceLevel.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(l).append(' ').append(count(l));
        }
        if (trustedVerified > 0) {
            sb.append(" (").append(trustedVerified).append(trustedVerified == 1 ? " VERIFIED record rests"
                    : " VERIFIED records rest").append(" on one endpoint's word, not proved)");
        }
        return sb.toString();
    }
}

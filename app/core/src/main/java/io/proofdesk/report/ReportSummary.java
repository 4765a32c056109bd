package io.proofdesk.report;

import io.proofdesk.domain.Verdict;

import java.util.List;

/** Verdict counts of a report's records; {@code records} is their number. The PDF cover prints exactly these. */
public record ReportSummary(long records, long verified, long mismatch, long unverified, long error) {

    public static ReportSummary of(List<ReportRecord> records) {
        long[] n = new long[Verdict.values().length];
        for (ReportRecord r : records) {
            n[Verdict.valueOf(r.verdict()).ordinal()]++;
        }
        return new ReportSummary(records.size(), n[Verdict.VERIFIED.ordinal()], n[Verdict.MISMATCH.ordinal()],
                n[Verdict.UNVERIFIED.ordinal()], n[Verdict.ERROR.ordinal()]);
    }

    /** The counts as words, e.g. "4 records: 3 verified, 1 mismatch, 0 unverified, 0 error". */
    public String describe() {
        return records + (records == 1 ? " record: " : " records: ") + verified + " verified, " + mismatch
                + " mismatch, " + unverified + " unverified, " + error + " error";
    }

    public long count(Verdict v) {
        return switch (v) {
            case VERIFIED -> verified;
            case MISMATCH -> mismatch;
            case UNVERIFIED -> unverified;
            case ERROR -> error;
        };
    }
}

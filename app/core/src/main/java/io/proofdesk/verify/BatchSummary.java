package io.proofdesk.verify;

import io.proofdesk.domain.Verdict;

import java.util.Map;
import java.util.SortedMap;

/**
 * What a batch did: how many records it was asked for, verified, skipped (already verified in this environment)
 * or could not handle (missing from the store, store failure), the verdict counts and how often each check failed.
 */
public record BatchSummary(long selected, long verified, long skipped, long failedToRun, Map<Verdict, Long> verdicts,
                           SortedMap<String, Long> failedChecks, boolean cancelled) {

    public BatchSummary {
        verdicts = Map.copyOf(verdicts);
    }

    public long count(Verdict v) {
        return verdicts.getOrDefault(v, 0L);
    }
}

package io.proofdesk.ui.verify;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Transaction;
import io.proofdesk.store.VerdictCounts;
import io.proofdesk.ui.inferences.InferenceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the store says about verification, read in one snapshot: verdict counts over every record, the newest
 * mismatches with the checks that failed, how often each check failed among them, and where the newest of them
 * was verified.
 */
record VerifyOverview(VerdictCounts counts, List<MismatchRow> mismatches, SortedMap<String, Long> failedChecks,
                      VerificationEnvironment environment) {

    static final int LISTED_MISMATCHES = 200;

    static VerifyOverview read(Transaction tx, ResourceBundle strings) {
        VerdictCounts counts = tx.inferences().countByVerdict(InferenceQuery.all());
        List<Inference> newest = counts.mismatch() == 0 ? List.of() : tx.inferences().page(
                InferenceQuery.all().withVerdict(Verdict.MISMATCH).sortedBy(InferenceSort.BLOCK_DESC), null,
                LISTED_MISMATCHES).items();
        List<MismatchRow> rows = new ArrayList<>();
        SortedMap<String, Long> failed = new TreeMap<>();
        for (Inference i : newest) {
            List<String> checks = tx.checkResults().failedInLatest(i.id());
            checks.forEach(c -> failed.merge(c, 1L, Long::sum));
            List<ModelVersion> versions = tx.modelVersions().byCid(i.model());
            String model = versions.isEmpty() ? i.model()
                    : versions.getFirst().modelName() + " " + versions.getFirst().version();
            rows.add(new MismatchRow(i.id(), model, i.blockNumber(), checks.isEmpty() ? strings.getString("common.none")
                    : String.join(", ", checks.stream().map(c -> CheckRow.checkLabel(c, strings)).toList()),
                    InferenceFormat.evidenceQualifier(i, strings)));
        }
        VerificationEnvironment env = newest.isEmpty() ? null
                : tx.latestVerdict(newest.getFirst().id()).map(v -> v.environment()).orElse(null);
        return new VerifyOverview(counts, rows, failed, env);
    }

    boolean nothingVerified() {
        return counts.total() == counts.notChecked();
    }
}

package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A row of the table as read from the store: the record, and the checks its latest verdict failed (often none). */
record ListedInference(Inference inference, List<String> failedChecks) {

    ListedInference {
        failedChecks = List.copyOf(failedChecks);
    }

    /** Reads one page of rows and their failed checks in the same read, so the two agree. */
    static List<ListedInference> read(PageQuery page, Transaction tx) {
        List<Inference> rows = page.run(tx.inferences());
        Map<RecordId, List<String>> failed = tx.checkResults().failedInLatest(rows);
        List<ListedInference> out = new ArrayList<>(rows.size());
        for (Inference i : rows) {
            out.add(new ListedInference(i, failed.getOrDefault(i.id(), List.of())));
        }
        return out;
    }
}

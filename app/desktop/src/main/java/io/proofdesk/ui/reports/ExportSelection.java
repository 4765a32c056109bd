package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.InferenceQuery;

import java.util.List;

/**
 * Which records a report covers: every stored record, those with one verdict, ids the user typed or selected, or
 * the records a query of the Inferences view selects. Records
 * without a verdict yet are left out of the report (the export says how many).
 */
public sealed interface ExportSelection {

    record All() implements ExportSelection {
    }

    record WithVerdict(Verdict verdict) implements ExportSelection {
    }

    record Matching(InferenceQuery query) implements ExportSelection {
    }

    record Ids(List<RecordId> ids) implements ExportSelection {
        public Ids {
            ids = List.copyOf(ids);
        }
    }
}

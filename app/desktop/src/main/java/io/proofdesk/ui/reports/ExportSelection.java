package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.store.InferenceQuery;

import java.util.List;

/**
 * Which records a report covers: those a store query selects (every record, those with one verdict, the Inferences
 * view's filters), or ids the user typed or selected. Records without a verdict yet are left out of the report (the
 * export says how many).
 */
public sealed interface ExportSelection {

    record Matching(InferenceQuery query) implements ExportSelection {
    }

    record Ids(List<RecordId> ids) implements ExportSelection {
        public Ids {
            ids = List.copyOf(ids);
        }
    }
}

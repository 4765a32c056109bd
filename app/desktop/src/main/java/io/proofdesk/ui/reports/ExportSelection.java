package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;

import java.util.List;

/**
 * Which records a report covers: every stored record, those with one verdict, or ids the user typed. Records
 * without a verdict yet are left out of the report (the export says how many).
 */
public sealed interface ExportSelection {

    record All() implements ExportSelection {
    }

    record WithVerdict(Verdict verdict) implements ExportSelection {
    }

    record Ids(List<RecordId> ids) implements ExportSelection {
        public Ids {
            ids = List.copyOf(ids);
        }
    }
}

package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;

import java.util.List;

/** Which records a report covers: every record with a verdict, those with one verdict, or ids the user typed. */
public sealed interface ExportSelection {

    record AllVerified() implements ExportSelection {
    }

    record WithVerdict(Verdict verdict) implements ExportSelection {
    }

    record Ids(List<RecordId> ids) implements ExportSelection {
        public Ids {
            ids = List.copyOf(ids);
        }
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries over the lines of verdicts, kept as one JSON array in each verdict's row (verdicts.checks); a verdict's
 * own lines are read with it ({@link VerdictDao}).
 */
public final class CheckResultDao extends Dao {

    private static final String FAILED_IN_LATEST = "SELECT json_extract(c.value, '$.name') FROM json_each(("
            + "SELECT v.checks " + VerdictDao.OF_INFERENCE + VerdictDao.NEWEST_FIRST + " LIMIT 1)) c "
            + "WHERE json_extract(c.value, '$.status') IN ('FAIL', 'ERROR') ORDER BY c.key";

    CheckResultDao(StatementCache statements) {
        super(statements);
    }

    /** Names of the FAIL/ERROR checks in the inference's latest verdict (empty if none or not verified). */
    public List<String> failedInLatest(RecordId id) {
        return list("read failed checks of " + id, FAILED_IN_LATEST, ps -> ps.setString(1, id.toString()),
                rs -> rs.getString(1));
    }

    /**
     * The failed checks of each of {@code rows} whose latest verdict has any, keyed by id; a page of the Inferences
     * table asks this of its rows. Only MISMATCH and ERROR verdicts are read: a verdict is VERIFIED or UNVERIFIED
     * only when none of its lines failed or errored, so the other rows cost nothing.
     */
    public Map<RecordId, List<String>> failedInLatest(Collection<Inference> rows) {
        Map<RecordId, List<String>> out = new LinkedHashMap<>();
        for (Inference i : rows) {
            if (i.verdict() == Verdict.MISMATCH || i.verdict() == Verdict.ERROR) {
                List<String> failed = failedInLatest(i.id());
                if (!failed.isEmpty()) {
                    out.put(i.id(), failed);
                }
            }
        }
        return out;
    }
}

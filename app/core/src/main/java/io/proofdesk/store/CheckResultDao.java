package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import java.util.List;

/**
 * Queries over the lines of verdicts, kept as one JSON array in each verdict's row (verdicts.checks); a verdict's
 * own lines are read with it ({@link VerdictDao}).
 */
public final class CheckResultDao extends Dao {

    CheckResultDao(StatementCache statements) {
        super(statements);
    }

    /** Names of the FAIL/ERROR checks in the inference's latest verdict (empty if none or not verified). */
    public List<String> failedInLatest(RecordId id) {
        return list("read failed checks of " + id, "SELECT json_extract(c.value, '$.name') FROM json_each(("
                + "SELECT v.checks " + VerdictDao.OF_INFERENCE + VerdictDao.NEWEST_FIRST + " LIMIT 1)) c "
                + "WHERE json_extract(c.value, '$.status') IN ('FAIL', 'ERROR') ORDER BY c.key",
                ps -> ps.setString(1, id.toString()), rs -> rs.getString(1));
    }
}

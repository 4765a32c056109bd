package io.proofdesk.store;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.RecordId;
import java.util.List;

/** The lines of each verdict, in order, kept as one JSON array in the verdict's row (verdicts.checks). */
public final class CheckResultDao extends Dao {

    private final StoreJson json;

    CheckResultDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
    }

    public List<CheckResult> forVerdict(long verdictId) {
        return one("read checks of verdict " + verdictId, "SELECT checks FROM verdicts WHERE id = ?",
                ps -> ps.setLong(1, verdictId), rs -> json.readChecks(rs.getString(1), "checks of verdict " + verdictId))
                .orElse(List.of());
    }

    /** Names of the FAIL/ERROR checks in the inference's latest verdict (empty if none or not verified). */
    public List<String> failedInLatest(RecordId id) {
        return list("read failed checks of " + id, "SELECT json_extract(c.value, '$.name') FROM json_each(("
                + "SELECT checks FROM verdicts WHERE inference_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1)) c "
                + "WHERE json_extract(c.value, '$.status') IN ('FAIL', 'ERROR') ORDER BY c.key",
                ps -> ps.setString(1, id.toString()), rs -> rs.getString(1));
    }
}

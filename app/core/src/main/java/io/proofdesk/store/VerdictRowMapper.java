package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Maps a verdicts row; with its check lines if the query selected them ({@link #WITH_CHECKS}), else none. */
final class VerdictRowMapper implements RowMapper<StoredVerdict> {

    /** Columns of verdicts {@code v} joined to their inference {@code i} ({@link VerdictDao#OF_INFERENCE}). */
    static final String COLUMNS = "v.id, i.id AS inference_id, v.verdict, v.reason, v.checked_at, v.environment";
    static final String WITH_CHECKS = COLUMNS + ", v.checks";

    private final StoreJson json;
    private final boolean withChecks;

    VerdictRowMapper(StoreJson json, boolean withChecks) {
        this.json = json;
        this.withChecks = withChecks;
    }

    @Override
    public StoredVerdict map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        VerificationEnvironment env = json.read(rs.getString("environment"), VerificationEnvironment.class,
                "environment of verdict " + id);
        return new StoredVerdict(id, new VerdictRecord(RecordId.parse(rs.getString("inference_id")),
                Sql.getEnum(rs, "verdict", Verdict.class), rs.getString("reason"), Sql.getInstant(rs, "checked_at"),
                env, withChecks ? json.readChecks(rs.getString("checks"), "checks of verdict " + id) : List.of()));
    }
}

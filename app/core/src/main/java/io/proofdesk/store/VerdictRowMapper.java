package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Maps a verdicts row; its check results are loaded separately by verdict id. */
final class VerdictRowMapper implements RowMapper<StoredVerdict> {

    static final String COLUMNS = "id, inference_id, verdict, reason, checked_at, environment";

    private final StoreJson json;

    VerdictRowMapper(StoreJson json) {
        this.json = json;
    }

    @Override
    public StoredVerdict map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        VerificationEnvironment env = json.read(rs.getString("environment"), VerificationEnvironment.class,
                "environment of verdict " + id);
        return new StoredVerdict(id, new VerdictRecord(RecordId.parse(rs.getString("inference_id")),
                Sql.getEnum(rs, "verdict", Verdict.class), rs.getString("reason"), Sql.getInstant(rs, "checked_at"),
                env, List.of()));
    }
}

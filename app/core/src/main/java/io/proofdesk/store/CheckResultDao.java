package io.proofdesk.store;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.RecordId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The check_results table: the lines of each verdict, in order. */
public final class CheckResultDao extends Dao {

    private final CheckResultRowMapper mapper;
    private final StoreJson json;

    CheckResultDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
        this.mapper = new CheckResultRowMapper(json);
    }

    private static final String INSERT = "INSERT INTO check_results (" + CheckResultRowMapper.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

    // a JDBC batch of one single-row INSERT per line: a multi-row INSERT of a verdict's 3 lines measured twice as slow
    public void insertAll(long verdictId, RecordId inferenceId, List<CheckResult> checks) {
        String id = inferenceId.toString();
        try {
            PreparedStatement ps = prepared(INSERT);
            for (int i = 0; i < checks.size(); i++) {
                CheckResult r = checks.get(i);
                ps.setLong(1, verdictId);
                ps.setInt(2, i);
                ps.setString(3, id);
                ps.setString(4, r.name());
                Sql.setEnum(ps, 5, r.status());
                ps.setString(6, r.reason());
                ps.setString(7, json.writeStringMap(r.details()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            discard(INSERT);
            throw Sql.failure("save checks of " + inferenceId, e);
        }
    }

    public List<CheckResult> forVerdict(long verdictId) {
        return list("read checks of verdict " + verdictId, "SELECT " + CheckResultRowMapper.COLUMNS
                + " FROM check_results WHERE verdict_id = ? ORDER BY position", ps -> ps.setLong(1, verdictId), mapper);
    }

    /** Names of the FAIL/ERROR checks in the inference's latest verdict (empty if none or not verified). */
    public List<String> failedInLatest(RecordId id) {
        return list("read failed checks of " + id, "SELECT name FROM check_results WHERE verdict_id = "
                + "(SELECT id FROM verdicts WHERE inference_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1) "
                + "AND status IN ('FAIL', 'ERROR') ORDER BY position", ps -> ps.setString(1, id.toString()),
                rs -> rs.getString(1));
    }
}

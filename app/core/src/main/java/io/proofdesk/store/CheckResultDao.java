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

    /** Inserts the lines of one verdict, in order, with one statement (a multi-row INSERT per line count). */
    public void insertAll(long verdictId, RecordId inferenceId, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        String id = inferenceId.toString();
        try {
            PreparedStatement ps = prepared(insertSql(checks.size()));
            int p = 1;
            for (int i = 0; i < checks.size(); i++) {
                CheckResult r = checks.get(i);
                ps.setLong(p++, verdictId);
                ps.setInt(p++, i);
                ps.setString(p++, id);
                ps.setString(p++, r.name());
                Sql.setEnum(ps, p++, r.status());
                ps.setString(p++, r.reason());
                ps.setString(p++, json.writeStringMap(r.details()));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("save checks of " + inferenceId, e);
        }
    }

    /**
     * One INSERT of {@code rows} rows: a verdict's lines in one step rather than a JDBC batch of one step per line
     * (a batch's single writer saves every verdict's lines). The usual counts (3 for VANILLA, 7 or 8 for TEE) are
     * kept; SQLite allows 32,766 parameters, far more than a verdict's lines need.
     */
    private static String insertSql(int rows) {
        if (rows < INSERT_SQL.length) {
            return INSERT_SQL[rows];
        }
        return buildInsertSql(rows);
    }

    private static final String[] INSERT_SQL = java.util.stream.IntStream.range(0, 16)
            .mapToObj(CheckResultDao::buildInsertSql).toArray(String[]::new);

    private static String buildInsertSql(int rows) {
        return "INSERT INTO check_results (" + CheckResultRowMapper.COLUMNS + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)"));
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

package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import java.util.List;
import java.util.Optional;

/** The verdicts table: every verdict reached, newest last; rows come back without their check results. */
public final class VerdictDao extends Dao {

    private static final String SELECT = "SELECT " + VerdictRowMapper.COLUMNS + " FROM verdicts ";

    private final VerdictRowMapper mapper;
    private final StoreJson json;
    /** The environment last written and its JSON: a batch saves many verdicts of one environment per transaction. */
    private Object lastEnvironment;
    private String lastEnvironmentJson;

    VerdictDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
        this.mapper = new VerdictRowMapper(json);
    }

    /** Inserts the verdict row (not its checks) and returns its id. */
    public long insert(VerdictRecord v) {
        return one("save verdict of " + v.inferenceId(), "INSERT INTO verdicts (inference_id, verdict, reason, "
                + "checked_at, environment) VALUES (?, ?, ?, ?, ?) RETURNING id", ps -> {
                    ps.setString(1, v.inferenceId().toString());
                    Sql.setEnum(ps, 2, v.verdict());
                    ps.setString(3, v.reason());
                    Sql.setInstant(ps, 4, v.checkedAt());
                    ps.setString(5, environmentJson(v));
                }, rs -> rs.getLong(1)).orElseThrow();
    }

    private String environmentJson(VerdictRecord v) {
        if (v.environment() != lastEnvironment || lastEnvironmentJson == null) {
            lastEnvironmentJson = json.write(v.environment());
            lastEnvironment = v.environment();
        }
        return lastEnvironmentJson;
    }

    public Optional<StoredVerdict> latest(RecordId id) {
        return one("read verdict of " + id, SELECT + "WHERE inference_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1",
                ps -> ps.setString(1, id.toString()), mapper);
    }

    /** Every verdict of an inference, oldest first. */
    public List<StoredVerdict> history(RecordId id) {
        return list("read verdicts of " + id, SELECT + "WHERE inference_id = ? ORDER BY checked_at, id",
                ps -> ps.setString(1, id.toString()), mapper);
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The verdicts table: every verdict reached, newest last; check lines are read with the row where asked for. */
public final class VerdictDao extends Dao {

    private static final String SELECT = "SELECT " + VerdictRowMapper.COLUMNS + " FROM verdicts ";
    private static final String SELECT_WITH_CHECKS = "SELECT " + VerdictRowMapper.WITH_CHECKS + " FROM verdicts ";
    private static final String LATEST = "WHERE inference_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1";

    private static final String INSERT = "INSERT INTO verdicts (id, inference_id, verdict, reason, checked_at, "
            + "environment, checks) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final VerdictRowMapper mapper;
    private final VerdictRowMapper withChecks;

    VerdictDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.mapper = new VerdictRowMapper(json, false);
        this.withChecks = new VerdictRowMapper(json, true);
    }

    /**
     * Inserts the verdict rows, check lines included, in order; ids are handed out here from the table's largest
     * (this connection is the store's only writer and holds the write transaction), so the rows go in as one JDBC
     * batch of plain INSERTs rather than a query per verdict for its RETURNING id. Returns the first id.
     */
    public long insertAll(List<EncodedVerdict> all) {
        long first = count("read largest verdict id", "SELECT coalesce(max(id), 0) + 1 FROM verdicts", ps -> { });
        try {
            PreparedStatement ps = prepared(INSERT);
            long id = first;
            for (EncodedVerdict e : all) {
                VerdictRecord v = e.verdict();
                ps.setLong(1, id++);
                ps.setString(2, v.inferenceId().toString());
                Sql.setEnum(ps, 3, v.verdict());
                ps.setString(4, v.reason());
                Sql.setInstant(ps, 5, v.checkedAt());
                ps.setString(6, e.environmentJson);
                ps.setString(7, e.checksJson);
                ps.addBatch();
            }
            ps.executeBatch();
            return first;
        } catch (SQLException e) {
            discard(INSERT);
            throw Sql.failure(all.size() == 1 ? "save verdict of " + all.getFirst().verdict().inferenceId()
                    : "save " + all.size() + " verdicts", e);
        }
    }

    /** The latest verdict row of an inference, without its check lines (a batch asks this of every record). */
    public Optional<StoredVerdict> latest(RecordId id) {
        return one("read verdict of " + id, SELECT + LATEST, ps -> ps.setString(1, id.toString()), mapper);
    }

    /** The latest verdict of an inference with its check lines. */
    public Optional<StoredVerdict> latestWithChecks(RecordId id) {
        return one("read verdict of " + id, SELECT_WITH_CHECKS + LATEST, ps -> ps.setString(1, id.toString()),
                withChecks);
    }

    /** Every verdict of an inference with its check lines, oldest first. */
    public List<StoredVerdict> history(RecordId id) {
        return list("read verdicts of " + id, SELECT_WITH_CHECKS + "WHERE inference_id = ? ORDER BY checked_at, id",
                ps -> ps.setString(1, id.toString()), withChecks);
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The verdicts table: every verdict reached, newest last; check lines are read with the row where asked for. A
 * verdict row names its inference by the inference's chain key (schema V7), so it is found through the inference.
 */
public final class VerdictDao extends Dao {

    /** The verdicts of one inference, {@code v}, found by its id, {@code i}. */
    static final String OF_INFERENCE = "FROM inferences i JOIN verdicts v ON v.block_number = i.block_number "
            + "AND v.log_index = i.log_index AND v.leaf_index = i.leaf_index WHERE i.id = ? ";
    static final String NEWEST_FIRST = "ORDER BY v.checked_at DESC, v.id DESC";
    private static final String SELECT = "SELECT " + VerdictRowMapper.COLUMNS + " " + OF_INFERENCE;
    private static final String SELECT_WITH_CHECKS = "SELECT " + VerdictRowMapper.WITH_CHECKS + " " + OF_INFERENCE;
    private static final String LATEST = NEWEST_FIRST + " LIMIT 1";

    /** Takes the chain key from the inference: no row (a count of 0) if there is no such inference. */
    private static final String INSERT = "INSERT INTO verdicts (id, block_number, log_index, leaf_index, verdict, "
            + "reason, checked_at, environment, checks) SELECT ?1, block_number, log_index, leaf_index, ?3, ?4, ?5, "
            + "?6, ?7 FROM inferences WHERE id = ?2";

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
            int[] inserted = ps.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] != 1) {
                    throw new StoreException("cannot save the verdict of " + all.get(i).verdict().inferenceId()
                            + ": no such inference is stored");
                }
            }
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

    /** SQLite's plan for {@link #latest}, one detail per line; lets tests hold it to the two indexes. */
    String latestPlan(RecordId id) {
        return String.join("\n", list("explain verdict query", "EXPLAIN QUERY PLAN " + SELECT + LATEST,
                ps -> ps.setString(1, id.toString()), rs -> rs.getString("detail")));
    }

    /** Every verdict of an inference with its check lines, oldest first. */
    public List<StoredVerdict> history(RecordId id) {
        return list("read verdicts of " + id, SELECT_WITH_CHECKS + "ORDER BY v.checked_at, v.id",
                ps -> ps.setString(1, id.toString()), withChecks);
    }
}

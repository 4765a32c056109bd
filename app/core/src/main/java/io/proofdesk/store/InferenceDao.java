package io.proofdesk.store;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.InferenceFilter.IdSearch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inferences table: insert in bulk (idempotent by record id), find one, and the Inferences view's paging,
 * counting and chart queries. Rows come back without tensors; load those with {@link TensorDao} or
 * {@link Transaction#loadInference}.
 */
public final class InferenceDao extends Dao {

    private static final String SELECT = "SELECT " + InferenceRowMapper.COLUMNS + " FROM inferences ";

    private final InferenceRowMapper mapper;
    private final StoreJson json;

    InferenceDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
        this.mapper = new InferenceRowMapper(json);
    }

    /**
     * Batch-inserts the records; an id already stored is skipped (so a resumed sync duplicates nothing and keeps
     * verdicts). Returns the records that were new, in the order given. The {@code verdict} field is not written;
     * each record's {@code evidence} is (set it with {@link Inference#withEvidence} before inserting).
     */
    public List<Inference> insertAll(Collection<Inference> records) {
        List<Inference> given = List.copyOf(records);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO inferences (id, mode, model, model_version, "
                + "tee_id, node_url, settlement, tx_hash, block_number, log_index, leaf_index, timestamp, eth_address, "
                + "input_hash, output_hash, signature, blob_id, merkle_root, merkle_proof, evidence, evidence_detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Inference r : given) {
                RecordId id = r.id();
                ps.setString(1, id.toString());
                Sql.setEnum(ps, 2, r.mode());
                ps.setString(3, r.model());
                ps.setString(4, r.modelVersion());
                ps.setString(5, r.teeId());
                ps.setString(6, r.nodeUrl());
                Sql.setEnum(ps, 7, r.settlement());
                ps.setString(8, id.txHash());
                ps.setLong(9, r.blockNumber());
                ps.setLong(10, id.logIndex());
                ps.setInt(11, id.leafIndex() == null ? -1 : id.leafIndex());
                ps.setLong(12, r.timestamp().toEpochMilli());
                ps.setString(13, r.ethAddress());
                ps.setString(14, r.inputHash());
                ps.setString(15, r.outputHash());
                Sql.setBytes(ps, 16, r.signature());
                ps.setString(17, r.blobId());
                ps.setString(18, r.merkleRoot());
                ps.setString(19, json.write(r.merkleProof()));
                Sql.setEnum(ps, 20, r.evidence().level());
                ps.setString(21, r.evidence().detail());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<Inference> inserted = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted.add(given.get(i));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw Sql.failure("save " + given.size() + " inferences", e);
        }
    }

    /**
     * Sets the evidence of records already stored (a later sync proved or cross-checked them), in the caller's
     * transaction, as one JDBC batch; ids not stored are skipped. Returns how many records were updated.
     */
    public int setEvidence(Map<RecordId, Evidence> evidence) {
        if (evidence.isEmpty()) {
            return 0;
        }
        try {
            PreparedStatement ps = prepared(SET_EVIDENCE);
            for (Map.Entry<RecordId, Evidence> e : evidence.entrySet()) {
                Sql.setEnum(ps, 1, e.getValue().level());
                ps.setString(2, e.getValue().detail());
                ps.setString(3, e.getKey().toString());
                ps.addBatch();
            }
            int updated = 0;
            for (int n : ps.executeBatch()) {
                updated += Math.max(n, 0);
            }
            return updated;
        } catch (SQLException e) {
            discard(SET_EVIDENCE);
            throw Sql.failure("set the evidence of " + evidence.size() + " inferences", e);
        }
    }

    private static final String SET_EVIDENCE = "UPDATE inferences SET evidence = ?, evidence_detail = ? WHERE id = ?";

    /** How many of the records the query selects have each evidence level (levels with none are absent). */
    public Map<EvidenceLevel, Long> countByEvidence(InferenceQuery q) {
        InferenceFilter f = filter(q);
        Map<EvidenceLevel, Long> counts = new EnumMap<>(EvidenceLevel.class);
        list("count evidence levels", "SELECT evidence, count(*) FROM inferences " + f.where() + " GROUP BY evidence",
                f::bindFilters, rs -> counts.put(EvidenceLevel.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    public Optional<Inference> find(RecordId id) {
        return one("read inference " + id, SELECT + "WHERE id = ?", ps -> ps.setString(1, id.toString()), mapper);
    }

    public boolean exists(RecordId id) {
        return count("check inference " + id, "SELECT count(*) FROM inferences WHERE id = ?",
                ps -> ps.setString(1, id.toString())) > 0;
    }

    /**
     * One page in the query's order starting after {@code after} (null for the first page): keyset paging, so
     * each page costs the same however deep it is and rows inserted meanwhile are neither skipped nor repeated.
     */
    public Page<Inference> page(InferenceQuery q, PageKey after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page limit must be positive, was " + limit);
        }
        InferenceFilter f = pageFilter(q, after);
        List<Inference> rows = list("page inferences", pageSql(q, f, false), ps -> f.bind(ps, limit + 1), mapper);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Inference> items = rows.subList(0, limit);
        return new Page<>(items, PageKey.after(items.getLast()));
    }

    /** Rows {@code offset .. offset+limit-1} in the query's order; for jumping to a row number (cost grows with offset). */
    public List<Inference> pageAt(InferenceQuery q, long offset, int limit) {
        InferenceFilter f = filter(q);
        return list("page inferences", pageSql(q, f, true), ps -> {
            int next = f.bindFilters(ps);
            ps.setInt(next, limit);
            ps.setLong(next + 1, offset);
        }, mapper);
    }

    public long count(InferenceQuery q) {
        InferenceFilter f = InferenceFilter.of(q, IdSearch.IN_ROWS);
        return count("count inferences", "SELECT count(*) FROM inferences " + f.where(), f::bindFilters);
    }

    /** Latest-verdict counts among the inferences the query selects. */
    public VerdictCounts countByVerdict(InferenceQuery q) {
        InferenceFilter f = filter(q);
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        long[] none = {0};
        list("count verdicts", "SELECT verdict, count(*) FROM inferences " + f.where() + " GROUP BY verdict",
                f::bindFilters, rs -> {
                    String v = rs.getString(1);
                    if (v == null) {
                        none[0] = rs.getLong(2);
                    } else {
                        counts.put(Verdict.valueOf(v), rs.getLong(2));
                    }
                    return v;
                });
        return new VerdictCounts(counts.getOrDefault(Verdict.VERIFIED, 0L), counts.getOrDefault(Verdict.MISMATCH, 0L),
                counts.getOrDefault(Verdict.UNVERIFIED, 0L), counts.getOrDefault(Verdict.ERROR, 0L), none[0]);
    }

    /** Inferences per model per time bucket (buckets aligned to the epoch), oldest bucket first. */
    public List<ModelBucketCount> countByModelAndTime(InferenceQuery q, Duration bucket) {
        long ms = bucket.toMillis();
        if (ms < 1) {
            throw new IllegalArgumentException("bucket must be at least 1 ms");
        }
        InferenceFilter f = filter(q);
        return list("count inferences per model", "SELECT model, (timestamp / ?) * ? AS bucket, count(*) FROM inferences "
                + f.where() + " GROUP BY model, bucket ORDER BY bucket, model", ps -> {
                    ps.setLong(1, ms);
                    ps.setLong(2, ms);
                    f.bindFilters(ps, 3);
                }, rs -> new ModelBucketCount(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3)));
    }

    /** Distinct values for the filter choices. */
    public List<String> distinctModels() {
        return list("list models of inferences", "SELECT DISTINCT model FROM inferences ORDER BY model", ps -> { },
                rs -> rs.getString(1));
    }

    public List<String> distinctTees() {
        return list("list TEEs of inferences", "SELECT DISTINCT tee_id FROM inferences WHERE tee_id IS NOT NULL "
                + "ORDER BY tee_id", ps -> { }, rs -> rs.getString(1));
    }

    public List<String> distinctNodes() {
        return list("list nodes of inferences", "SELECT DISTINCT node_url FROM inferences WHERE node_url IS NOT NULL "
                + "ORDER BY node_url", ps -> { }, rs -> rs.getString(1));
    }

    // both statements take ?1 verdict, ?2 time, ?3 id, so one binder serves both
    private static final String UPDATE_VERDICT = "UPDATE inferences SET verdict = ?1, verdict_at = ?2 WHERE id = ?3 "
            + "AND (verdict_at IS NULL OR verdict_at <= ?2)";

    /** The same move when the verdict itself is unchanged: writes no index, as verdict_at is in none. */
    private static final String TOUCH_VERDICT = "UPDATE inferences SET verdict_at = ?2 WHERE id = ?3 AND verdict = ?1 "
            + "AND (verdict_at IS NULL OR verdict_at <= ?2)";

    /**
     * Moves each inference's denormalised latest verdict forward, in order, as JDBC batches; an older verdict
     * arriving late does not overwrite a newer one. Called by {@link Transaction#saveVerdicts} in the same
     * transaction as the verdict rows. A verdict equal to the stored one (a record verified again) only moves its
     * time: rewriting the verdict rewrote its entries in the four indexes that hold it, about a tenth of a batch's
     * saving work when a batch re-verifies. The rest get the full update; newest-wins holds across both, since
     * each checks the stored time.
     */
    public void updateLatestVerdicts(List<VerdictRecord> all) {
        String sql = TOUCH_VERDICT;
        try {
            PreparedStatement touch = prepared(TOUCH_VERDICT);
            for (VerdictRecord v : all) {
                addVerdictMove(touch, v);
            }
            int[] touched = touch.executeBatch();
            sql = UPDATE_VERDICT;
            PreparedStatement update = null;
            for (int i = 0; i < all.size(); i++) {
                if (touched[i] == 0) {
                    update = update == null ? prepared(UPDATE_VERDICT) : update;
                    addVerdictMove(update, all.get(i));
                }
            }
            if (update != null) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            discard(sql);
            throw Sql.failure(all.size() == 1 ? "set verdict of " + all.getFirst().inferenceId()
                    : "set verdicts of " + all.size() + " inferences", e);
        }
    }

    private static void addVerdictMove(PreparedStatement ps, VerdictRecord v) throws SQLException {
        Sql.setEnum(ps, 1, v.verdict());
        ps.setLong(2, v.checkedAt().toEpochMilli());
        ps.setString(3, v.inferenceId().toString());
        ps.addBatch();
    }

    /** Deletes records at or after {@code block} with their tensors, verdicts and checks (reorg). */
    public int deleteFromBlock(long block) {
        return update("delete inferences from block " + block, "DELETE FROM inferences WHERE block_number >= ?",
                ps -> ps.setLong(1, block));
    }

    /** SQLite's plan for {@link #count}, one detail per line; lets tests hold combined counts to one index. */
    String countPlan(InferenceQuery q) {
        InferenceFilter f = InferenceFilter.of(q, IdSearch.IN_ROWS);
        return String.join("\n", list("explain count query", "EXPLAIN QUERY PLAN SELECT count(*) FROM inferences "
                + f.where(), f::bindFilters, rs -> rs.getString("detail")));
    }

    /** SQLite's plan for {@link #page}, one detail per line; lets tests hold the indexes to the filters. */
    String pagePlan(InferenceQuery q, PageKey after, int limit) {
        InferenceFilter f = pageFilter(q, after);
        return String.join("\n", list("explain page query", "EXPLAIN QUERY PLAN " + pageSql(q, f, false),
                ps -> f.bind(ps, limit + 1), rs -> rs.getString("detail")));
    }

    /**
     * The page statement. When the query ranges over the column the other sort uses (a time range sorted by block,
     * a block range sorted by time) no index gives both the range and the order, so SQLite must sort every row in
     * the range. Then the keys are sorted first, inside the time index, which holds the timestamp and the chain
     * key together (a covering index, no table reads), and only the page's rows are read: sorting a few hundred
     * thousand index entries takes milliseconds where sorting as many whole rows took seconds.
     */
    private static String pageSql(InferenceQuery q, InferenceFilter f, boolean offset) {
        String order = orderBy(q.sort());
        String limit = offset ? " LIMIT ? OFFSET ?" : " LIMIT ?";
        if (!sortsAcrossRange(q)) {
            return SELECT + f.where() + order + limit;
        }
        return SELECT + "WHERE rowid IN (SELECT rowid FROM inferences INDEXED BY inferences_time " + f.where() + order
                + limit + ")" + order;
    }

    /** Whether only one side of the query's filters is a range on time and the sort is by block, or the reverse. */
    private static boolean sortsAcrossRange(InferenceQuery q) {
        boolean timeRange = q.from() != null || q.to() != null;
        boolean blockRange = q.fromBlock() != null || q.toBlock() != null;
        boolean equalities = q.model() != null || q.modelVersion() != null || q.teeId() != null || q.nodeUrl() != null
                || q.mode() != null || q.settlement() != null || q.verdict() != null || q.notChecked()
                || q.idPrefix() != null || q.idContains() != null || q.evidence() != null;
        return !equalities && (q.sort().byTime() ? blockRange && !timeRange : timeRange && !blockRange);
    }

    private static String keyColumns(InferenceSort sort) {
        return sort.byTime() ? "timestamp, block_number, log_index, leaf_index" : "block_number, log_index, leaf_index";
    }

    private static String orderBy(InferenceSort sort) {
        String dir = sort.descending() ? " DESC" : " ASC";
        return " ORDER BY " + String.join(dir + ", ", keyColumns(sort).split(", ")) + dir;
    }

    private InferenceFilter pageFilter(InferenceQuery q, PageKey after) {
        InferenceFilter f = filter(q);
        if (after != null) {
            InferenceSort s = q.sort();
            String cmp = s.descending() ? " < " : " > ";
            if (s.byTime()) {
                f.add("(" + keyColumns(s) + ")" + cmp + "(?, ?, ?, ?)", after.timestampMillis(), after.blockNumber(),
                        after.logIndex(), after.leafIndex());
                // the key implies the range's bound on this side; dropped, SQLite seeks the index at the key
                // instead of at the range's start and filtering its way to the key on every deeper page
                if (s.descending() ? q.to() != null && after.timestampMillis() < q.to().toEpochMilli()
                        : q.from() != null && after.timestampMillis() >= q.from().toEpochMilli()) {
                    f.remove(s.descending() ? InferenceFilter.TIME_TO : InferenceFilter.TIME_FROM);
                }
            } else {
                f.add("(" + keyColumns(s) + ")" + cmp + "(?, ?, ?)", after.blockNumber(), after.logIndex(),
                        after.leafIndex());
                if (s.descending() ? q.toBlock() != null && after.blockNumber() <= q.toBlock()
                        : q.fromBlock() != null && after.blockNumber() >= q.fromBlock()) {
                    f.remove(s.descending() ? InferenceFilter.BLOCK_TO : InferenceFilter.BLOCK_FROM);
                }
            }
        }
        return f;
    }

    private InferenceFilter filter(InferenceQuery q) {
        return InferenceFilter.of(q, q.idContains() == null || q.idContains().startsWith("0x") ? IdSearch.IN_ROWS
                : idsContaining(q.idContains()));
    }

    /** Ids read to estimate how many match, in the primary key's order, which is the random tx hashes' order. */
    static final int ID_SAMPLE = 20_000;

    /** Above this share of matching ids in the sample, rows are tested where read ({@link IdSearch#IN_ROWS}). */
    static final double DENSE_SHARE = 0.01;

    /**
     * Picks the cheaper {@link IdSearch} for {@code text} from the share of the first {@link #ID_SAMPLE} ids that
     * contain it (about 15 ms; exact on a store that small). Around 1% both cost about the same for a page; above
     * it the page fills quickly in order, below it the rowid set stays small.
     */
    IdSearch idsContaining(String text) {
        long sampled = count("sample ids", "SELECT count(*) FROM (SELECT id FROM inferences LIMIT ?)",
                ps -> ps.setInt(1, ID_SAMPLE));
        long hits = count("sample ids containing " + text, "SELECT count(*) FROM (SELECT id FROM inferences LIMIT ?) "
                + "WHERE instr(id, ?) > 0", ps -> {
                    ps.setInt(1, ID_SAMPLE);
                    ps.setString(2, text);
                });
        return sampled > 0 && hits >= DENSE_SHARE * sampled ? IdSearch.IN_ROWS : IdSearch.IDS_FIRST;
    }
}

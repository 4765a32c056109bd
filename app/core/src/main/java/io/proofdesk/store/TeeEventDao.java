package io.proofdesk.store;

import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** The tee_events table: the registry's history, in chain order. */
public final class TeeEventDao extends Dao {

    private static final TeeEventRowMapper MAPPER = new TeeEventRowMapper();
    private static final String SELECT = "SELECT " + TeeEventRowMapper.COLUMNS + " FROM tee_events ";

    TeeEventDao(StatementCache statements) {
        super(statements);
    }

    /** Inserts events, ignoring any already stored at the same (block, log index); returns how many were new. */
    public int insertAll(Collection<TeeEvent> events) {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO tee_events (" + TeeEventRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TeeEvent e : events) {
                ps.setLong(1, e.blockNumber());
                ps.setLong(2, e.logIndex());
                ps.setString(3, e.txHash());
                Sql.setEnum(ps, 4, e.kind());
                ps.setString(5, e.teeId());
                ps.setString(6, e.pcrHash());
                Sql.setInt(ps, 7, e.teeType());
                ps.setString(8, e.pcrVersion());
                Sql.setInstant(ps, 9, e.timestamp());
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                inserted += Math.max(n, 0);
            }
            return inserted;
        } catch (SQLException e) {
            throw Sql.failure("save " + events.size() + " TEE events", e);
        }
    }

    /** A TEE's events up to and including {@code uptoBlock}, oldest first: fold them for its status at that block. */
    public List<TeeEvent> forTee(String teeId, long uptoBlock) {
        return list("read history of TEE " + teeId, SELECT + "WHERE tee_id = ? AND block_number <= ? "
                + "ORDER BY block_number, log_index", ps -> {
                    ps.setString(1, teeId);
                    ps.setLong(2, uptoBlock);
                }, MAPPER);
    }

    /** A PCR set's events up to and including {@code uptoBlock}, oldest first. */
    public List<TeeEvent> forPcr(String pcrHash, long uptoBlock) {
        return list("read history of PCR " + pcrHash, SELECT + "WHERE pcr_hash = ? AND block_number <= ? "
                + "ORDER BY block_number, log_index", ps -> {
                    ps.setString(1, pcrHash);
                    ps.setLong(2, uptoBlock);
                }, MAPPER);
    }

    /** Events of one kind in a block range (inclusive), in chain order. */
    public List<TeeEvent> ofKind(TeeEventKind kind, long fromBlock, long toBlock) {
        return list("list " + kind + " events", SELECT + "WHERE kind = ? AND block_number BETWEEN ? AND ? "
                + "ORDER BY block_number, log_index", ps -> {
                    Sql.setEnum(ps, 1, kind);
                    ps.setLong(2, fromBlock);
                    ps.setLong(3, toBlock);
                }, MAPPER);
    }

    public int deleteFromBlock(long block) {
        return update("delete TEE events", "DELETE FROM tee_events WHERE block_number >= ?", ps -> ps.setLong(1, block));
    }
}

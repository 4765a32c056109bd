package io.proofdesk.store;

import io.proofdesk.domain.UnknownEvent;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The unknown_events table: logs of watched contracts whose event version Proofdesk does not know, raw. A resumed
 * sync that meets the same log again changes nothing; a reorg deletes the rows of the blocks it undoes.
 */
public final class UnknownEventDao extends Dao {

    private final StoreJson json;

    UnknownEventDao(StatementCache statements, StoreJson json) {
        super(statements);
        this.json = json;
    }

    public void insertAll(List<UnknownEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO unknown_events (block_number, log_index, "
                + "tx_hash, address, topics, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (UnknownEvent e : events) {
                ps.setLong(1, e.blockNumber());
                ps.setLong(2, e.logIndex());
                ps.setString(3, e.txHash());
                ps.setString(4, e.address());
                ps.setString(5, json.write(e.topics()));
                ps.setString(6, e.data());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("save " + events.size() + " logs of unknown event versions", e);
        }
    }

    /** At most {@code limit} rows in chain order, starting after ({@code afterBlock}, {@code afterLog}). */
    public List<UnknownEvent> page(long afterBlock, long afterLog, int limit) {
        return list("read logs of unknown event versions", "SELECT block_number, log_index, tx_hash, address, topics, "
                + "data FROM unknown_events WHERE (block_number, log_index) > (?, ?) "
                + "ORDER BY block_number, log_index LIMIT ?", ps -> {
                    ps.setLong(1, afterBlock);
                    ps.setLong(2, afterLog);
                    ps.setInt(3, limit);
                }, rs -> new UnknownEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        json.readStrings(rs.getString(5), "topics of unknown event at block " + rs.getLong(1)),
                        rs.getString(6)));
    }

    public long count() {
        return count("count logs of unknown event versions", "SELECT count(*) FROM unknown_events", ps -> { });
    }

    void deleteFromBlock(long block) {
        update("delete logs of unknown event versions from block " + block,
                "DELETE FROM unknown_events WHERE block_number >= ?", ps -> ps.setLong(1, block));
    }
}

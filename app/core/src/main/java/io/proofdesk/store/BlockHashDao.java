package io.proofdesk.store;

import io.proofdesk.domain.BlockRef;
import java.util.List;
import java.util.Optional;

/** The block_hashes table: the recent blocks the sync saw, for reorg detection. */
public final class BlockHashDao extends Dao {

    private static final BlockRefRowMapper MAPPER = new BlockRefRowMapper();

    BlockHashDao(StatementCache statements) {
        super(statements);
    }

    /** Stores (or replaces) the hash seen for a block number. */
    public void put(BlockRef b) {
        update("save block hash " + b.number(), "INSERT OR REPLACE INTO block_hashes (" + BlockRefRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?)", ps -> {
                    ps.setLong(1, b.number());
                    ps.setString(2, b.hash());
                    ps.setString(3, b.parentHash());
                    Sql.setInstant(ps, 4, b.timestamp());
                });
    }

    public Optional<BlockRef> find(long number) {
        return one("read block hash " + number, "SELECT " + BlockRefRowMapper.COLUMNS
                + " FROM block_hashes WHERE number = ?", ps -> ps.setLong(1, number), MAPPER);
    }

    /** The highest blocks kept, newest first. */
    public List<BlockRef> recent(int limit) {
        return list("list block hashes", "SELECT " + BlockRefRowMapper.COLUMNS
                + " FROM block_hashes ORDER BY number DESC LIMIT ?", ps -> ps.setInt(1, limit), MAPPER);
    }

    /** Forgets blocks at and above {@code number} (they were reorged away). */
    public int deleteFrom(long number) {
        return update("delete block hashes", "DELETE FROM block_hashes WHERE number >= ?", ps -> ps.setLong(1, number));
    }

    /** Keeps only the {@code n} highest blocks. */
    public int keepLast(int n) {
        return update("prune block hashes", "DELETE FROM block_hashes WHERE number <= "
                + "(SELECT number FROM block_hashes ORDER BY number DESC LIMIT 1 OFFSET ?)", ps -> ps.setInt(1, n));
    }
}

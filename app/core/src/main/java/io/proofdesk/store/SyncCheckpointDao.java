package io.proofdesk.store;

import io.proofdesk.domain.SyncCheckpoint;
import java.util.List;
import java.util.Optional;

/** The sync_checkpoints table; write the checkpoint in the same transaction as the chunk it covers. */
public final class SyncCheckpointDao extends Dao {

    private static final SyncCheckpointRowMapper MAPPER = new SyncCheckpointRowMapper();

    SyncCheckpointDao(StatementCache statements) {
        super(statements);
    }

    public void put(SyncCheckpoint cp) {
        update("save checkpoint " + cp.source(), "INSERT INTO sync_checkpoints (" + SyncCheckpointRowMapper.COLUMNS
                + ") VALUES (?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET last_block = excluded.last_block, "
                + "last_block_hash = excluded.last_block_hash, updated_at = excluded.updated_at", ps -> {
                    ps.setString(1, cp.source());
                    ps.setLong(2, cp.lastBlock());
                    ps.setString(3, cp.lastBlockHash());
                    Sql.setInstant(ps, 4, cp.updatedAt());
                });
    }

    public Optional<SyncCheckpoint> find(String source) {
        return one("read checkpoint " + source, "SELECT " + SyncCheckpointRowMapper.COLUMNS
                + " FROM sync_checkpoints WHERE source = ?", ps -> ps.setString(1, source), MAPPER);
    }

    public List<SyncCheckpoint> all() {
        return list("list checkpoints", "SELECT " + SyncCheckpointRowMapper.COLUMNS
                + " FROM sync_checkpoints ORDER BY source", ps -> { }, MAPPER);
    }

    /** After a reorg: no checkpoint may claim a block at or past {@code block}. */
    public void rewindTo(long block) {
        update("rewind checkpoints", "UPDATE sync_checkpoints SET last_block = ?, last_block_hash = NULL "
                + "WHERE last_block >= ?", ps -> {
                    ps.setLong(1, Math.max(0, block - 1));
                    ps.setLong(2, block);
                });
    }
}

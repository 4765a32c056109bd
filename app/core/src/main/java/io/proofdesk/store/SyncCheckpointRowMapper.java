package io.proofdesk.store;

import io.proofdesk.domain.SyncCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;

final class SyncCheckpointRowMapper implements RowMapper<SyncCheckpoint> {

    static final String COLUMNS = "source, last_block, last_block_hash, updated_at";

    @Override
    public SyncCheckpoint map(ResultSet rs) throws SQLException {
        return new SyncCheckpoint(rs.getString("source"), rs.getLong("last_block"), rs.getString("last_block_hash"),
                Sql.getInstant(rs, "updated_at"));
    }
}

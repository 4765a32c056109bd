package io.proofdesk.store;

import io.proofdesk.domain.BlockRef;
import java.sql.ResultSet;
import java.sql.SQLException;

final class BlockRefRowMapper implements RowMapper<BlockRef> {

    static final String COLUMNS = "number, hash, parent_hash, timestamp";

    @Override
    public BlockRef map(ResultSet rs) throws SQLException {
        return new BlockRef(rs.getLong("number"), rs.getString("hash"), rs.getString("parent_hash"),
                Sql.getInstant(rs, "timestamp"));
    }
}

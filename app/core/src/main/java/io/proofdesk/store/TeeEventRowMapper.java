package io.proofdesk.store;

import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import java.sql.ResultSet;
import java.sql.SQLException;

final class TeeEventRowMapper implements RowMapper<TeeEvent> {

    static final String COLUMNS = "block_number, log_index, tx_hash, kind, tee_id, pcr_hash, tee_type, pcr_version, timestamp";

    @Override
    public TeeEvent map(ResultSet rs) throws SQLException {
        return new TeeEvent(rs.getLong("block_number"), rs.getLong("log_index"), rs.getString("tx_hash"),
                Sql.getEnum(rs, "kind", TeeEventKind.class), rs.getString("tee_id"), rs.getString("pcr_hash"),
                Sql.getInt(rs, "tee_type"), rs.getString("pcr_version"), Sql.getInstant(rs, "timestamp"));
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.Tee;
import java.sql.ResultSet;
import java.sql.SQLException;

final class TeeRowMapper implements RowMapper<Tee> {

    static final String COLUMNS = "tee_id, owner, payment_address, endpoint, public_key, tls_cert, pcr_hash, tee_type, "
            + "enabled, registered_at, last_heartbeat";

    @Override
    public Tee map(ResultSet rs) throws SQLException {
        return new Tee(rs.getString("tee_id"), rs.getString("owner"), rs.getString("payment_address"),
                rs.getString("endpoint"), Sql.getBytes(rs, "public_key"), Sql.getBytes(rs, "tls_cert"),
                rs.getString("pcr_hash"), rs.getInt("tee_type"), rs.getInt("enabled") == 1,
                Sql.getInstant(rs, "registered_at"), Sql.getInstant(rs, "last_heartbeat"));
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.PcrApproval;
import java.sql.ResultSet;
import java.sql.SQLException;

final class PcrApprovalRowMapper implements RowMapper<PcrApproval> {

    static final String COLUMNS = "pcr_hash, tee_type, version, approved_block, revoked_block";

    @Override
    public PcrApproval map(ResultSet rs) throws SQLException {
        return new PcrApproval(rs.getString("pcr_hash"), rs.getInt("tee_type"), rs.getString("version"),
                rs.getLong("approved_block"), Sql.getLong(rs, "revoked_block"));
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.ModelVersion;
import java.sql.ResultSet;
import java.sql.SQLException;

final class ModelVersionRowMapper implements RowMapper<ModelVersion> {

    static final String COLUMNS = "model_name, version, cid, created_at, registered_block, notes";

    @Override
    public ModelVersion map(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString("model_name"), rs.getString("version"), rs.getString("cid"),
                Sql.getInstant(rs, "created_at"), Sql.getLong(rs, "registered_block"), rs.getString("notes"));
    }
}

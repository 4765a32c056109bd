package io.proofdesk.store;

import io.proofdesk.domain.Model;
import java.sql.ResultSet;
import java.sql.SQLException;

final class ModelRowMapper implements RowMapper<Model> {

    static final String COLUMNS = "name, owner, description, created_at, registered_block";

    @Override
    public Model map(ResultSet rs) throws SQLException {
        return new Model(rs.getString("name"), rs.getString("owner"), rs.getString("description"),
                Sql.getInstant(rs, "created_at"), Sql.getLong(rs, "registered_block"));
    }
}

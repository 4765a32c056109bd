package io.proofdesk.store;

import io.proofdesk.domain.ModelFile;
import java.sql.ResultSet;
import java.sql.SQLException;

final class ModelFileRowMapper implements RowMapper<ModelFile> {

    static final String COLUMNS = "model_name, version, file_name, cid, sha256, size_bytes, input_signature, "
            + "output_signature, registered_block";

    @Override
    public ModelFile map(ResultSet rs) throws SQLException {
        return new ModelFile(rs.getString("model_name"), rs.getString("version"), rs.getString("file_name"),
                rs.getString("cid"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("input_signature"),
                rs.getString("output_signature"), Sql.getLong(rs, "registered_block"));
    }
}

package io.proofdesk.store;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import java.sql.ResultSet;
import java.sql.SQLException;

final class TensorRowMapper implements RowMapper<Tensor> {

    static final String COLUMNS = "inference_id, direction, position, name, dtype, shape, data, strings";

    private final StoreJson json;

    TensorRowMapper(StoreJson json) {
        this.json = json;
    }

    @Override
    public Tensor map(ResultSet rs) throws SQLException {
        String where = "tensor " + rs.getString("name") + " of " + rs.getString("inference_id");
        String strings = rs.getString("strings");
        return new Tensor(rs.getString("name"), DType.valueOf(rs.getString("dtype")),
                json.read(rs.getString("shape"), long[].class, where), rs.getBytes("data"),
                strings == null ? null : json.readStrings(strings, where));
    }
}

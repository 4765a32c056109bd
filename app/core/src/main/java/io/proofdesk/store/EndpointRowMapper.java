package io.proofdesk.store;

import io.proofdesk.domain.Endpoint;
import io.proofdesk.domain.EndpointKind;
import java.sql.ResultSet;
import java.sql.SQLException;

final class EndpointRowMapper implements RowMapper<Endpoint> {

    static final String COLUMNS = "kind, url, chain_id, last_latency_ms, last_error, last_seen";

    @Override
    public Endpoint map(ResultSet rs) throws SQLException {
        return new Endpoint(Sql.getEnum(rs, "kind", EndpointKind.class), rs.getString("url"),
                Sql.getLong(rs, "chain_id"), Sql.getLong(rs, "last_latency_ms"), rs.getString("last_error"),
                Sql.getInstant(rs, "last_seen"));
    }
}

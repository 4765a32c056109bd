package io.proofdesk.store;

import io.proofdesk.domain.ReportEntry;
import java.sql.ResultSet;
import java.sql.SQLException;

final class ReportRowMapper implements RowMapper<ReportEntry> {

    static final String COLUMNS = "id, path, sha256, created_at, record_count, format";

    @Override
    public ReportEntry map(ResultSet rs) throws SQLException {
        return new ReportEntry(rs.getLong("id"), rs.getString("path"), rs.getString("sha256"),
                Sql.getInstant(rs, "created_at"), rs.getInt("record_count"), rs.getString("format"));
    }
}

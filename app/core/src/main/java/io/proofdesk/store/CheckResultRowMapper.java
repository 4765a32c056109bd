package io.proofdesk.store;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import java.sql.ResultSet;
import java.sql.SQLException;

final class CheckResultRowMapper implements RowMapper<CheckResult> {

    static final String COLUMNS = "verdict_id, position, inference_id, name, status, reason, details";

    private final StoreJson json;

    CheckResultRowMapper(StoreJson json) {
        this.json = json;
    }

    @Override
    public CheckResult map(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new CheckResult(name, Sql.getEnum(rs, "status", CheckStatus.class), rs.getString("reason"),
                json.readStringMap(rs.getString("details"), "details of check " + name + " of " + rs.getString("inference_id")));
    }
}

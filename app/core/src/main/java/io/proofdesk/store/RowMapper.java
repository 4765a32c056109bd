package io.proofdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a domain record; one per table. */
@FunctionalInterface
interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}

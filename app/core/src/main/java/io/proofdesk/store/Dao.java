package io.proofdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every DAO does the same way: run a statement, map rows, turn SQLExceptions into StoreExceptions. */
abstract class Dao {

    /** Binds parameters of a prepared statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    protected final Connection c;

    Dao(Connection c) {
        this.c = c;
    }

    protected <T> List<T> list(String what, String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    protected <T> Optional<T> one(String what, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(what, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    protected int update(String what, String sql, Binder binder) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    protected long count(String what, String sql, Binder binder) {
        return one(what, sql, binder, rs -> rs.getLong(1)).orElse(0L);
    }
}

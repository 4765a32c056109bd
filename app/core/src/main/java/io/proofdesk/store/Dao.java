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
    /**
     * The connection's statements, reused across its transactions: a transaction that saves a group of verdicts
     * prepares each INSERT once, and a worker's read of one record prepares nothing after the first.
     */
    private final StatementCache statements;

    Dao(StatementCache statements) {
        this.c = statements.connection();
        this.statements = statements;
    }

    /** The connection's statement for {@code sql}, parameters cleared; not to be closed by the caller. */
    protected PreparedStatement prepared(String sql) throws SQLException {
        return statements.get(sql);
    }

    protected <T> List<T> list(String what, String sql, Binder binder, RowMapper<T> mapper) {
        PreparedStatement ps = null;
        boolean reused = false;
        try {
            // a mapper that runs this same query again while its rows are read gets a statement of its own
            reused = statements.lease(sql);
            ps = reused ? prepared(sql) : c.prepareStatement(sql);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            if (reused) {
                statements.discard(sql);
            }
            throw Sql.failure(what, e);
        } finally {
            if (reused) {
                statements.release(sql);
            } else if (ps != null) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // the rows were read or the failure is already being thrown
                }
            }
        }
    }

    protected <T> Optional<T> one(String what, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(what, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    protected int update(String what, String sql, Binder binder) {
        try {
            PreparedStatement ps = prepared(sql);
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            discard(sql);
            throw Sql.failure(what, e);
        }
    }

    /** Forgets a statement that failed, so the next use prepares it afresh (see {@link StatementCache#discard}). */
    protected void discard(String sql) {
        statements.discard(sql);
    }

    protected long count(String what, String sql, Binder binder) {
        return one(what, sql, binder, rs -> rs.getLong(1)).orElse(0L);
    }
}

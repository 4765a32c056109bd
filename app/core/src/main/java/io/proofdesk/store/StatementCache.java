package io.proofdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prepared statements of one pooled connection, by SQL, kept for the connection's life. A batch verification
 * reads each record in its own short transaction, and preparing its four queries (and BEGIN / ROLLBACK) anew every
 * time cost the workers more than verifying the record; a statement is compiled once per connection instead.
 * Used only by the thread holding the connection's guard. Least recently used statements are finalised past
 * {@link #CAPACITY}, since the Inferences view's filters make many distinct page queries.
 */
final class StatementCache implements AutoCloseable {

    static final int CAPACITY = 64;

    private final Connection c;
    private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true);
    /** SQL whose statement is being read right now (a row mapper running the same query gets a statement of its own). */
    private final Set<String> busy = new HashSet<>();

    StatementCache(Connection c) {
        this.c = c;
    }

    Connection connection() {
        return c;
    }

    /**
     * The connection's statement for {@code sql}, with no parameters bound and no batch pending (a unit of work
     * that failed while binding left its rows behind); not to be closed by the caller.
     */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
            evictBeyondCapacity();
        } else {
            ps.clearParameters();
            ps.clearBatch();
        }
        return ps;
    }

    /**
     * Finalises and forgets {@code sql}'s statement after it failed: sqlite-jdbc finalises a statement's native
     * handle on most errors without marking the JDBC object closed, so keeping it would fail every later use.
     */
    void discard(String sql) {
        PreparedStatement ps = statements.remove(sql);
        if (ps != null) {
            closeQuietly(ps);
        }
    }

    /** Marks {@code sql}'s statement as being read; false if it already is (then prepare a statement of your own). */
    boolean lease(String sql) {
        return busy.add(sql);
    }

    void release(String sql) {
        busy.remove(sql);
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, PreparedStatement>> it = statements.entrySet().iterator();
        while (statements.size() > CAPACITY && it.hasNext()) {
            Map.Entry<String, PreparedStatement> eldest = it.next();
            if (busy.contains(eldest.getKey())) {
                continue;
            }
            it.remove();
            closeQuietly(eldest.getValue());
        }
    }

    /** Finalises every statement; the connection closes next. */
    @Override
    public void close() {
        statements.values().forEach(StatementCache::closeQuietly);
        statements.clear();
        busy.clear();
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // finalising a statement nobody will run again: nothing left to lose
        }
    }
}

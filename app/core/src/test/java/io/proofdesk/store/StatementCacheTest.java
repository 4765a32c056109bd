package io.proofdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pooled connection's statements on a real SQLite file. */
class StatementCacheTest {

    @TempDir
    Path dir;
    Connection c;
    StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        c = SqliteConnections.openWriter(dir.resolve("c.db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        cache = new StatementCache(c);
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        c.close();
    }

    @Test
    @DisplayName("the same SQL gets the same statement, cleared of the last parameters and of a batch left pending")
    void reusedAndCleared() throws SQLException {
        String sql = "INSERT INTO t (id, v) VALUES (?, ?)";
        PreparedStatement first = cache.get(sql);
        first.setInt(1, 1);
        first.setString(2, "left behind");
        first.addBatch();  // a unit of work that failed before executing its batch
        PreparedStatement again = cache.get(sql);
        assertSame(first, again);
        again.setInt(1, 2);
        again.setString(2, "b");
        again.addBatch();
        again.executeBatch();
        assertEquals(1, count());
    }

    @Test
    @DisplayName("a statement whose native handle sqlite-jdbc finalised on an error is prepared afresh once discarded")
    void discardedAfterAFailure() throws SQLException {
        String sql = "INSERT INTO t (id, v) VALUES (?, ?)";
        PreparedStatement failed = cache.get(sql);
        failed.setString(1, "not an integer");  // SQLITE_MISMATCH: sqlite-jdbc finalises the statement
        failed.setString(2, "x");
        assertThrows(SQLException.class, failed::executeUpdate);
        assertThrows(SQLException.class, () -> {
            PreparedStatement stale = cache.get(sql);
            stale.setInt(1, 1);
            stale.executeUpdate();
        }, "the cached statement is unusable after that error");
        cache.discard(sql);
        PreparedStatement fresh = cache.get(sql);
        assertNotSame(failed, fresh);
        fresh.setInt(1, 1);
        fresh.setString(2, "x");
        assertEquals(1, fresh.executeUpdate());
    }

    @Test
    @DisplayName("past its capacity the least recently used statements are finalised; a leased one is kept")
    void boundedLeastRecentlyUsed() throws SQLException {
        String leased = "SELECT count(*) FROM t WHERE id > -1";
        PreparedStatement kept = cache.get(leased);
        assertTrue(cache.lease(leased));
        PreparedStatement oldest = cache.get("SELECT count(*) FROM t WHERE id > 0");
        for (int i = 1; i <= StatementCache.CAPACITY; i++) {
            cache.get("SELECT count(*) FROM t WHERE id > " + i);
        }
        assertTrue(oldest.isClosed());
        assertTrue(!kept.isClosed());
        cache.release(leased);
        assertSame(kept, cache.get(leased));
        try (ResultSet rs = cache.get("SELECT count(*) FROM t WHERE id > 0").executeQuery()) {
            assertTrue(rs.next());
        }
    }

    private long count() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

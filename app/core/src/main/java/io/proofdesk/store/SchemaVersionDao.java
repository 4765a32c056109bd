package io.proofdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The schema_version table: which migrations have been applied. Used by the migrator before any Transaction exists. */
final class SchemaVersionDao {

    private final Connection c;

    SchemaVersionDao(Connection c) {
        this.c = c;
    }

    boolean tableExists() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Number of tables in the file, to tell an empty database from someone else's. */
    int tableCount() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void createIfAbsent() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        }
    }

    /** The highest applied version, 0 for a store without the table. */
    int currentVersion() throws SQLException {
        if (!tableExists()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM schema_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void record(int version, String description, Instant appliedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, description);
            ps.setLong(3, appliedAt.toEpochMilli());
            ps.executeUpdate();
        }
    }
}

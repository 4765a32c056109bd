package io.proofdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, without writing a byte or creating a file beside it, whether an existing file may be opened: it must be
 * SQLite, readable, either empty or a Proofdesk store, of a schema version this build knows, and pass SQLite's
 * integrity check — the full {@code quick_check} unless {@link StoreCheckMark} vouches that the file is as
 * Proofdesk left it, then the same check of the small tables every command reads first. The caller keeps writers
 * out while it runs (it holds the store's lock, or a shared lock on it).
 */
final class StoreFileCheck {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    /** How many of SQLite's findings a refusal quotes. */
    private static final int PROBLEMS_QUOTED = 3;
    /** Small tables every command reads first; checked even when the mark vouches for the file. */
    private static final List<String> ALWAYS_CHECKED = List.of("schema_version", "meta", "endpoints",
            "sync_checkpoints", "models", "model_versions", "model_files");

    private StoreFileCheck() {
    }

    /** What the check found: the schema version (0 for an empty or new file). */
    record Found(int schemaVersion, boolean fullCheck) {
    }

    static Found check(Path file, int supportedVersion) {
        long size;
        try {
            if (!Files.exists(file)) {
                return new Found(0, false);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read store " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            return new Found(0, false); // SQLite treats an empty file as a new database
        }
        checkHeader(file, size);
        boolean full = !StoreCheckMark.vouchesFor(file);
        // a write-ahead log left by a crash holds committed data only an ordinary reader replays; otherwise nothing
        // may appear beside the file, so a refused file is left exactly as it was found
        try (Connection c = SqliteConnections.hasWal(file) ? SqliteConnections.openReader(file)
                : SqliteConnections.openSnapshot(file)) {
            SchemaVersionDao versions = new SchemaVersionDao(c);
            int found = versions.currentVersion();
            if (found > supportedVersion) {
                throw new StoreSchemaTooNewException(file, found, supportedVersion);
            }
            if (found == 0 && versions.tableCount() > 0) {
                throw new StoreCorruptException(file, "an SQLite database without Proofdesk's schema_version table", null);
            }
            integrity(c, file, full);
            return new Found(found, full);
        } catch (SQLException e) {
            if (SqliteConnections.isCorruption(e)) {
                throw new StoreCorruptException(file, e.getMessage(), e);
            }
            throw new StoreException("cannot inspect store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void integrity(Connection c, Path file, boolean full) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (full) {
            problems.addAll(rows(c, "PRAGMA quick_check(" + PROBLEMS_QUOTED + ")"));
        } else {
            for (String table : ALWAYS_CHECKED) {
                if (exists(c, table)) {
                    problems.addAll(rows(c, "PRAGMA quick_check('" + table + "')"));
                }
            }
        }
        problems.removeIf("ok"::equals);
        if (!problems.isEmpty()) {
            throw new StoreCorruptException(file, "SQLite's integrity check found: "
                    + String.join("; ", problems.subList(0, Math.min(PROBLEMS_QUOTED, problems.size()))), null);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> rows(Connection c, String pragma) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getString(1)).replace('\n', ' '));
            }
        }
        return out;
    }

    private static void checkHeader(Path file, long size) {
        if (size < HEADER_SIZE) {
            throw new StoreCorruptException(file, "only " + size + " bytes, shorter than an SQLite header", null);
        }
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, MAGIC)) {
                throw new StoreCorruptException(file, "no SQLite header", null);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read store " + file + ": " + e.getMessage(), e);
        }
    }
}

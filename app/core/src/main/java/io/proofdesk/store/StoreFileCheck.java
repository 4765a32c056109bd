package io.proofdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Decides, without writing a byte, whether an existing file may be opened for writing: it must be SQLite, readable,
 * either empty or a Proofdesk store, and of a schema version this build knows.
 */
final class StoreFileCheck {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private StoreFileCheck() {
    }

    static void check(Path file, int supportedVersion) {
        long size;
        try {
            if (!Files.exists(file)) {
                return;
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read store " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            return; // SQLite treats an empty file as a new database
        }
        checkHeader(file, size);
        try (Connection c = SqliteConnections.openReader(file)) {
            SchemaVersionDao versions = new SchemaVersionDao(c);
            int found = versions.currentVersion();
            if (found > supportedVersion) {
                throw new StoreSchemaTooNewException(file, found, supportedVersion);
            }
            if (found == 0 && versions.tableCount() > 0) {
                throw new StoreCorruptException(file, "an SQLite database without Proofdesk's schema_version table", null);
            }
        } catch (SQLException e) {
            if (SqliteConnections.isCorruption(e)) {
                throw new StoreCorruptException(file, e.getMessage(), e);
            }
            throw new StoreException("cannot inspect store " + file + ": " + e.getMessage(), e);
        }
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

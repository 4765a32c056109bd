package io.proofdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens the store's SQLite connections with the settings every one of them needs. */
final class SqliteConnections {

    static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int WRITER_CACHE_KIB = 64 * 1024;
    private static final int READER_CACHE_KIB = 16 * 1024;
    /**
     * The log size (pages) at which a commit checkpoints by itself: ten times SQLite's default, because the store's
     * {@link WalCheckpointer} normally checkpoints long before, off the writing thread; this is the bound if it
     * cannot (40 MB of log at most in between).
     */
    static final int WRITER_AUTOCHECKPOINT_PAGES = 10_000;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private SqliteConnections() {
    }

    /** The single writing connection: WAL (readers never block the writer), foreign keys, busy timeout. */
    static Connection openWriter(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // the inferences table carries ten indexes; a bulk chunk touches pages of all of them, and with SQLite's
        // default 2 MB cache those pages are evicted and re-read for every row
        config.setCacheSize(-WRITER_CACHE_KIB);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WRITER_AUTOCHECKPOINT_PAGES));
        return config.createConnection(url(file));
    }

    /** The connection a {@link WalCheckpointer} checkpoints through; it reads and writes no rows. */
    static Connection openCheckpointer(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(url(file));
    }

    /**
     * A read-only connection. Used to inspect a file before anything may write to it (no pragma here writes),
     * and for the UI's queries, which in WAL mode see the last commit while the writer works.
     */
    static Connection openReader(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-READER_CACHE_KIB);
        return config.createConnection(url(file));
    }

    /**
     * A read-only connection to a file no one writes meanwhile (the caller holds the store's lock, or a shared lock
     * that keeps writers out) and that has no write-ahead log to replay: SQLite's {@code immutable} mode, which takes
     * no locks and creates no {@code -wal} or {@code -shm} file beside the database. An ordinary read-only connection
     * to a WAL database creates both, and cannot remove them when it closes; so inspecting a file Proofdesk then
     * refuses, or listing a store in a read-only folder, would change or fail on the folder.
     */
    static Connection openSnapshot(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setCacheSize(-READER_CACHE_KIB);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
    }

    /** Whether the file has a write-ahead log beside it (a writer is open, or one did not close cleanly). */
    static boolean hasWal(Path file) {
        return java.nio.file.Files.exists(walOf(file));
    }

    static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    static boolean isCorruption(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    /** The SQLite corruption error somewhere in {@code t}'s causes, or null. */
    static SQLException corruptionIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e && isCorruption(e)) {
                return e;
            }
        }
        return null;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}

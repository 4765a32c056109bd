package io.proofdesk.store;

import io.proofdesk.domain.VerdictRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Proofdesk's local store: {@code proofdesk.db} (SQLite, WAL) in the data directory, locked against other
 * processes by {@code proofdesk.lock}. Opening migrates it to this build's schema, or refuses a file that is
 * corrupt, foreign or newer without changing it or creating anything beside it ({@link StoreFileCheck}). SQLite
 * reporting corruption during use ends the store's use with a {@link StoreCorruptException}: the unit of work is
 * rolled back, later ones are refused. {@link #openReadOnly} opens for the listing commands, without the lock or
 * any file written, so they work on a read-only folder.
 *
 * <p>All access goes through a unit of work: {@link #inTransaction} / {@link #inTransactionGet} on the one writing
 * connection (commits if the work returns, rolls back if it throws), {@link #read} on a read-only connection whose
 * snapshot is consistent for the whole unit and which never waits for a writer. Both are safe to call from any
 * thread; calls on the same connection are serialised and may not nest.
 */
public final class Store implements AutoCloseable {

    public static final String DATABASE_FILE = "proofdesk.db";
    public static final String LOCK_FILE = "proofdesk.lock";

    private final Path file;
    /** The exclusive lock of a writing store; a shared one (or none) for a read-only store. */
    private final StoreLock lock;
    /** Null for a read-only store, as are its statements and the checkpointer. */
    private final Connection writer;
    private final StatementCache writerStatements;
    /** Several read-only connections, so parallel verification threads do not queue behind one reader. */
    private final List<PooledReader> readers;
    private final WalCheckpointer checkpointer;
    private final int schemaVersion;
    private final StoreJson json = new StoreJson();
    private final ReentrantLock writeGuard = new ReentrantLock();
    private volatile boolean closed;
    /** Set when SQLite reported corruption: from then on every unit of work is refused. */
    private volatile StoreCorruptException corrupt;

    private record PooledReader(Connection connection, StatementCache statements, ReentrantLock guard) {}

    static final int READERS = 4;

    private Store(Path file, StoreLock lock, Connection writer, List<Connection> readers, Connection checkpointer,
                  int schemaVersion) {
        this.file = file;
        this.lock = lock;
        this.writer = writer;
        this.checkpointer = checkpointer == null ? null : new WalCheckpointer(checkpointer, file.getFileName().toString());
        this.writerStatements = writer == null ? null : new StatementCache(writer);
        this.readers = readers.stream().map(c -> new PooledReader(c, new StatementCache(c), new ReentrantLock())).toList();
        this.schemaVersion = schemaVersion;
    }

    /** Opens (creating and migrating as needed) the store in a data directory. */
    public static Store open(DataDirectory dataDirectory) {
        Path dir;
        try {
            dir = dataDirectory.ensureExists();
        } catch (IOException e) {
            throw new StoreException("cannot use data directory: " + e.getMessage(), e);
        }
        return open(dir.resolve(DATABASE_FILE), dir.resolve(LOCK_FILE), Clock.systemUTC());
    }

    /** Opens a store file directly, locking {@code lockFile}; for tools and tests. */
    public static Store open(Path databaseFile, Path lockFile, Clock clock) {
        StoreLock lock = StoreLock.acquire(lockFile);
        List<Connection> opened = new ArrayList<>();
        try {
            Migrations migrations = Migrations.bundled();
            StoreFileCheck.check(databaseFile, migrations.latestVersion());
            Connection writer = SqliteConnections.openWriter(databaseFile);
            opened.add(writer);
            int version = new Migrator(migrations, clock).migrate(writer, databaseFile);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(SqliteConnections.openReader(databaseFile));
                opened.add(readers.getLast());
            }
            Connection checkpointer = SqliteConnections.openCheckpointer(databaseFile);
            opened.add(checkpointer);
            return new Store(databaseFile, lock, writer, readers, checkpointer, version);
        } catch (SQLException e) {
            closeAfterFailure(opened, lock);
            if (SqliteConnections.isCorruption(e)) {
                throw new StoreCorruptException(databaseFile, e.getMessage(), e);
            }
            throw new StoreException("cannot open store " + databaseFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(opened, lock);
            throw e;
        }
    }

    /**
     * Opens the store of a data directory for reading only, for the commands that list it: nothing is created or
     * written (no folder, lock file, {@code -wal} or {@code -shm}), so it works on a read-only folder. Empty if the
     * folder has no store yet. When no writer has the store open, a shared lock on its lock file keeps writers out
     * while this store is open, the file passes the same checks as a writing open, and it is read through SQLite's
     * immutable mode; when a writer has it open (the desktop, a sync), it is read as the writer's readers are.
     * A store at an older schema than this build's is refused: upgrading it needs a writing command.
     */
    public static Optional<Store> openReadOnly(DataDirectory dataDirectory) {
        Path file = dataDirectory.path().resolve(DATABASE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        StoreLock.Shared shared = StoreLock.shared(dataDirectory.path().resolve(LOCK_FILE));
        List<Connection> opened = new ArrayList<>();
        try {
            int latest = Migrations.bundled().latestVersion();
            boolean snapshot = !shared.writerActive() && !SqliteConnections.hasWal(file);
            int version;
            if (snapshot) {
                version = StoreFileCheck.check(file, latest).schemaVersion();
            } else {
                try (Connection c = SqliteConnections.openReader(file)) {
                    version = new SchemaVersionDao(c).currentVersion();
                }
            }
            if (version > latest) {
                throw new StoreSchemaTooNewException(file, version, latest);
            }
            if (version < latest) {
                throw new StoreException("store " + file + " has schema version " + version + ", older than this "
                        + "Proofdesk's " + latest + "; run a command that writes it (proofdesk sync) once to upgrade it");
            }
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(snapshot ? SqliteConnections.openSnapshot(file) : SqliteConnections.openReader(file));
                opened.add(readers.getLast());
            }
            return Optional.of(new Store(file, shared.lock(), null, readers, null, version));
        } catch (SQLException e) {
            closeAfterFailure(opened, shared.lock());
            if (SqliteConnections.isCorruption(e)) {
                throw new StoreCorruptException(file, e.getMessage(), e);
            }
            throw new StoreException("cannot read store " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(opened, shared.lock());
            throw e;
        }
    }

    private static void closeAfterFailure(List<Connection> opened, StoreLock lock) {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the open already failed; report that failure, not this one
            }
        }
        if (lock != null) {
            lock.close();
        }
    }

    /** Whether this store was opened by {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return writer == null;
    }

    public Path databaseFile() {
        return file;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Runs work in one write transaction: committed if it returns, rolled back (and rethrown) if it throws. */
    public <X extends Exception> void inTransaction(Work<X> work) throws X {
        inTransactionGet(tx -> {
            work.run(tx);
            return null;
        });
    }

    /** As {@link #inTransaction}, returning the work's value. */
    public <T, X extends Exception> T inTransactionGet(UnitOfWork<T, X> work) throws X {
        if (writer == null) {
            throw new IllegalStateException("store " + file + " was opened read-only");
        }
        return run(writerStatements, writeGuard, "BEGIN IMMEDIATE", false, work);
    }

    /**
     * A verdict ready for {@link Transaction#saveVerdicts}: its JSON encoded on the calling thread, outside any
     * transaction (thread-safe).
     */
    public EncodedVerdict encode(VerdictRecord verdict) {
        return EncodedVerdict.of(verdict, json);
    }

    /** Runs read-only work on one consistent snapshot; any write inside fails. */
    public <T, X extends Exception> T read(UnitOfWork<T, X> work) throws X {
        for (PooledReader r : readers) {
            if (r.guard().isHeldByCurrentThread()) {
                throw new IllegalStateException("store transactions do not nest; pass the Transaction down instead");
            }
        }
        for (PooledReader r : readers) {
            if (r.guard().tryLock()) {
                try {
                    return runLocked(r.statements(), "BEGIN", true, work);
                } finally {
                    r.guard().unlock();
                }
            }
        }
        PooledReader r = readers.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(readers.size()));
        return run(r.statements(), r.guard(), "BEGIN", true, work);
    }

    private <T, X extends Exception> T run(StatementCache c, ReentrantLock guard, String begin, boolean readOnly,
                                           UnitOfWork<T, X> work) throws X {
        if (guard.isHeldByCurrentThread()) {
            throw new IllegalStateException("store transactions do not nest; pass the Transaction down instead");
        }
        guard.lock();
        try {
            return runLocked(c, begin, readOnly, work);
        } finally {
            guard.unlock();
        }
    }

    private <T, X extends Exception> T runLocked(StatementCache c, String begin, boolean readOnly, UnitOfWork<T, X> work)
            throws X {
        if (closed) {
            throw new IllegalStateException("store " + file + " is closed");
        }
        StoreCorruptException found = corrupt;
        if (found != null) {
            throw new StoreCorruptException(file, "SQLite reported corruption earlier: " + found.reason(), found);
        }
        T result;
        try {
            exec(c, begin);
            Transaction tx = new Transaction(c, json, readOnly);
            try {
                result = work.run(tx);
            } catch (Throwable t) {
                rollback(c, t);
                throw t;
            }
            exec(c, readOnly ? "ROLLBACK" : "COMMIT");
        } catch (Throwable t) {
            SQLException corruption = SqliteConnections.corruptionIn(t);
            if (corruption != null) {
                StoreCorruptException e = new StoreCorruptException(file, "SQLite reports corruption: "
                        + corruption.getMessage(), t);
                corrupt = e;
                throw e;
            }
            throw t;
        }
        if (!readOnly) {
            checkpointer.committed();
        }
        return result;
    }

    private void rollback(StatementCache c, Throwable cause) {
        try {
            c.get("ROLLBACK").execute();
        } catch (SQLException e) {
            c.discard("ROLLBACK");
            cause.addSuppressed(e);
        }
    }

    private void exec(StatementCache c, String sql) {
        try {
            c.get(sql).execute();
        } catch (SQLException e) {
            c.discard(sql);
            if (!"BEGIN IMMEDIATE".equals(sql) && !"BEGIN".equals(sql)) {
                rollback(c, e);
            }
            throw new StoreException(sql + " failed on " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writeGuard.lock();
        readers.forEach(r -> r.guard().lock());
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (writer != null && corrupt == null) {
                try (Statement s = writer.createStatement()) {
                    // keeps the planner's statistics current for the filter indexes; cheap when nothing changed
                    s.execute("PRAGMA optimize");
                } catch (SQLException ignored) {
                    // statistics are an optimisation; closing must go on
                }
            }
            try {
                if (checkpointer != null) {
                    checkpointer.close();
                }
                for (PooledReader r : readers) {
                    r.statements().close();
                    r.connection().close();
                }
                if (writer != null) {
                    writerStatements.close();
                    writer.close();
                    markChecked();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot close store " + file + ": " + e.getMessage(), e);
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        } finally {
            readers.forEach(r -> r.guard().unlock());
            writeGuard.unlock();
        }
    }

    /** Every connection is closed and the lock still held: the file is as Proofdesk leaves it (see StoreCheckMark). */
    private void markChecked() {
        if (corrupt != null) {
            StoreCheckMark.remove(file);
            return;
        }
        try {
            StoreCheckMark.write(file);
        } catch (IOException | RuntimeException e) {
            // the mark only saves the next open a full check
        }
    }
}

package io.proofdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies committed pages from the write-ahead log back into the database file on a thread and connection of its
 * own, after commits, at most every {@link #INTERVAL_MS}. Left to SQLite, that checkpoint runs inside whichever
 * COMMIT finds the log past 1,000 pages, so the one thread that writes paid for it: in a batch verification, whose
 * workers all wait for that thread, COMMIT was about half the writer's time, mostly checkpointing; here, the writer
 * spends 34-40 us of CPU per verdict instead of 46, and this thread about 9. The writer keeps
 * SQLite's automatic checkpoint at {@link SqliteConnections#WRITER_AUTOCHECKPOINT_PAGES}, so the log stays bounded
 * even if this thread falls behind or fails.
 */
final class WalCheckpointer implements AutoCloseable {

    static final long INTERVAL_MS = 100;
    private static final Logger LOG = Logger.getLogger(WalCheckpointer.class.getName());

    private final Connection connection;
    private final Thread thread;
    private final AtomicBoolean due = new AtomicBoolean();
    private volatile boolean closed;
    private boolean failureLogged;

    WalCheckpointer(Connection connection, String name) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "proofdesk-store-checkpoint " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A transaction committed: the log has grown, so a checkpoint is due. Cheap enough to call after every commit. */
    void committed() {
        if (!due.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        while (!closed) {
            if (!due.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            checkpoint();
            // commits come in bursts (a sync chunk, a batch's verdict groups): one checkpoint serves each interval
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
        }
    }

    private void checkpoint() {
        // PASSIVE: copies what no reader still needs and never waits, for readers or the writer
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            if (!failureLogged) {
                failureLogged = true;  // the writer's own automatic checkpoint still bounds the log
                LOG.log(Level.WARNING, "background checkpoint failed; commits will checkpoint instead: " + e.getMessage());
            }
        }
    }

    /** Stops the thread (after the checkpoint it may be running) and closes its connection. */
    @Override
    public void close() throws SQLException {
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}

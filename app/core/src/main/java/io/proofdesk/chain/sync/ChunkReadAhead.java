package io.proofdesk.chain.sync;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads chunk k+1 from the chain on its own thread while chunk k's records are decoded and it is written. At most one
 * chunk is read ahead; one that is not taken (the sync stops, or reads the range again) is dropped unwritten, its
 * downloads cancelled and its builds waited for, so it never overlaps the next read or a reorg.
 */
final class ChunkReadAhead implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "proofdesk-sync-read-ahead");
        t.setDaemon(true);
        return t;
    });
    private Future<ChunkRead> ahead;

    /** Starts reading the next chunk. */
    void start(Callable<ChunkRead> read) {
        ahead = thread.submit(read);
    }

    /**
     * The chunk read ahead, or null when none was started, its link to the stored chain broke, or it does not start
     * at {@code next}; {@code cancelled} is thrown when the wait is interrupted.
     */
    ChunkRead take(long next, Supplier<SyncCancelledException> cancelled) throws ChainChangedException {
        Future<ChunkRead> f = ahead;
        ahead = null;
        if (f == null) {
            return null;
        }
        try {
            ChunkRead read = f.get();
            if (read != null && read.range().from() != next) {
                read.data().abandon();
                return null;
            }
            return read;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case ChainChangedException c -> throw c;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException("reading ahead failed", e.getCause());
            }
        }
    }

    /** Discards the chunk read ahead, waiting for the reader (its failure is moot: the range is read again). */
    void drop() {
        Future<ChunkRead> f = ahead;
        ahead = null;
        if (f != null) {
            abandon(f, true);
        }
    }

    /** Stops: the chunk read ahead is not stored; waits briefly for the reader, which may be in the store or a call. */
    @Override
    public void close() {
        if (ahead != null) {
            if (!ahead.cancel(true) && !ahead.isCancelled()) {
                abandon(ahead, false);
            }
            ahead = null;
        }
        thread.shutdownNow();
        try {
            // the reader may be inside the store or an RPC call: let it stop before the caller closes them
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a chunk read ahead and stops its builds; a failed read left nothing running. An interrupted wait
     * cancels the read when {@code cancelOnInterrupt}.
     */
    private static void abandon(Future<ChunkRead> f, boolean cancelOnInterrupt) {
        try {
            ChunkRead read = f.get();
            if (read != null) {
                read.data().abandon();
            }
        } catch (ExecutionException | CancellationException ignored) {
            // it failed, so it left nothing running
        } catch (InterruptedException e) {
            if (cancelOnInterrupt) {
                f.cancel(true);
            }
            Thread.currentThread().interrupt();
        }
    }
}

package io.proofdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on {@code proofdesk.lock} so only one process (and one opener within a process) writes a store.
 * The holder's pid is written into the file only to name it in the other side's error.
 */
final class StoreLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The exclusive lock a writer holds for as long as it has the store open. */
    static StoreLock acquire(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open store lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            boolean readersOnly = onlySharedHolders(channel);
            closeQuietly(channel);
            throw readersOnly ? StoreLockedException.byReaders(file) : new StoreLockedException(file, readPid(file));
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot write store lock file " + file + ": " + e.getMessage(), e);
        }
        return new StoreLock(file, channel, lock);
    }

    /** Whether the holders are read-only listings (shared locks), which a shared lock can join. */
    private static boolean onlySharedHolders(FileChannel channel) {
        try {
            FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
            if (shared != null) {
                shared.release();
                return true;
            }
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static Long readPid(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length == 0 || b.length > 20) {
                return null;
            }
            return Long.valueOf(new String(b, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the lock attempt already failed; that is the error to report
        }
    }

    Path file() {
        return file;
    }

    /**
     * What a reader learns from the lock file without writing to the folder: either no writer holds the store and
     * {@code lock} (a shared lock on the file, which keeps writers out until it is closed) is held, or a writer
     * (process or opener) holds it ({@code writerActive}), or there is no lock file, so no Proofdesk has opened a
     * store here (both null/false).
     */
    record Shared(StoreLock lock, boolean writerActive) {
    }

    static Shared shared(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Shared(null, false);
        } catch (IOException e) {
            throw new StoreException("cannot open store lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            lock = null;  // this process holds it: a writer opened here
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            return new Shared(null, true);
        }
        return new Shared(new StoreLock(file, channel, lock), false);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release store lock " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.proofdesk.ui.startup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * One desktop window per data folder. The first launch holds an OS lock on {@code <dataDir>/desktop.lock} for as long
 * as it runs (the OS drops it if the process dies, so a crash leaves nothing stale); a later launch fails to take it
 * and, instead of opening a second window on the same store, drops a {@code focus-request} file in the folder, which
 * the first one watches ({@link FocusRequestWatcher}). A file, not a socket: the demo network is the only thing
 * allowed to listen.
 */
public final class InstanceLock implements AutoCloseable {

    public static final String LOCK_FILE = "desktop.lock";
    public static final String FOCUS_REQUEST = "focus-request";
    /** The request's line that says what to open: {@code open=<section or record id>}. */
    static final String OPEN_LINE = "open=";

    /** What a launch found: it is the first, or another desktop already has this data folder. */
    public sealed interface Claim permits First, AlreadyRunning {
    }

    /** This launch owns the folder; keep the lock open until the app stops. */
    public record First(InstanceLock lock) implements Claim {
    }

    /** Another desktop owns the folder; {@link #requestFocus()} asks it to come to the front. */
    public record AlreadyRunning(Path dataDir) implements Claim {

        public void requestFocus() throws IOException {
            requestFocus(null);
        }

        /** @param open what the running window should show as well ({@code --open}'s text), or null */
        public void requestFocus(String open) throws IOException {
            Path request = dataDir.resolve(FOCUS_REQUEST);
            Path temp = Files.createTempFile(dataDir, FOCUS_REQUEST, ".tmp");
            try {
                String text = ProcessHandle.current().pid() + "\n" + (open == null ? "" : OPEN_LINE + open + "\n");
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                // atomic, so the watcher never reads a half-written request
                Files.move(temp, request, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Tries to become the desktop instance for {@code dataDir} (which must exist).
     *
     * @throws IOException if the lock file cannot be opened at all (the message names it)
     */
    public static Claim claim(Path dataDir) throws IOException {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already: that is "running" too
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            channel.close();
            return new AlreadyRunning(dataDir);
        }
        // a request left by a launch that raced a previous instance's exit is not for us
        Files.deleteIfExists(dataDir.resolve(FOCUS_REQUEST));
        return new First(new InstanceLock(dataDir, channel, lock));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Releases the folder for the next launch. The lock file stays: deleting it would race a launch opening it. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}

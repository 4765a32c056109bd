package io.proofdesk.store;

import java.nio.file.Path;

/** Another Proofdesk (process or opener) holds the store's lock file. */
public final class StoreLockedException extends StoreException {

    private final Path lockFile;
    private final Long holderPid;

    public StoreLockedException(Path lockFile, Long holderPid) {
        this(lockFile, holderPid, "store is in use by another Proofdesk" + (holderPid == null ? "" : " (process "
                + holderPid + ")") + ": lock " + lockFile + " is held; close the other window or command first");
    }

    private StoreLockedException(Path lockFile, Long holderPid, String message) {
        super(message);
        this.lockFile = lockFile;
        this.holderPid = holderPid;
    }

    /** Only read-only commands (listings) hold the lock, shared; they finish on their own. */
    static StoreLockedException byReaders(Path lockFile) {
        return new StoreLockedException(lockFile, null, "store is being read by another Proofdesk command (a listing "
                + "holds " + lockFile + " shared); try again when it has finished");
    }

    public Path lockFile() {
        return lockFile;
    }

    /** The pid the holder wrote into the lock file, or null if unknown. */
    public Long holderPid() {
        return holderPid;
    }
}

package io.proofdesk.store;

import java.nio.file.Path;

/** Another Proofdesk (process or opener) holds the store's lock file. */
public final class StoreLockedException extends StoreException {

    private final Path lockFile;
    private final Long holderPid;

    public StoreLockedException(Path lockFile, Long holderPid) {
        super("store is in use by another Proofdesk" + (holderPid == null ? "" : " (process " + holderPid + ")")
                + ": lock " + lockFile + " is held; close the other window or command first");
        this.lockFile = lockFile;
        this.holderPid = holderPid;
    }

    public Path lockFile() {
        return lockFile;
    }

    /** The pid the holder wrote into the lock file, or null if unknown. */
    public Long holderPid() {
        return holderPid;
    }
}

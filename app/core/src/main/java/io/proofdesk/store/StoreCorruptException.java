package io.proofdesk.store;

import java.nio.file.Path;

/**
 * The store file is not a readable Proofdesk SQLite database, found when it is opened or when SQLite reports
 * corruption while it is used. The message says how to recover: the store holds what the chain and the network's
 * stores can give again, so moving the file aside and syncing rebuilds it (verdicts by verifying again).
 */
public final class StoreCorruptException extends StoreException {

    private final Path file;
    private final String reason;

    public StoreCorruptException(Path file, String reason, Throwable cause) {
        super("store " + file + " is not a usable Proofdesk database (" + reason + "). Proofdesk will not read or "
                + "write it: move it (with any " + file.getFileName() + "-wal and -shm beside it) out of the folder and "
                + "run proofdesk sync to rebuild the store from the chain, then verify again", cause);
        this.file = file;
        this.reason = reason;
    }

    /** What SQLite or the check found. */
    public String reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}

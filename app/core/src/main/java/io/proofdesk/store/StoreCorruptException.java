package io.proofdesk.store;

import java.nio.file.Path;

/** The store file is not a readable Proofdesk SQLite database; it is never overwritten. */
public final class StoreCorruptException extends StoreException {

    private final Path file;

    public StoreCorruptException(Path file, String reason, Throwable cause) {
        super("store " + file + " is not a usable Proofdesk database (" + reason
                + "); move it aside to start a new store (the file was not changed)", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

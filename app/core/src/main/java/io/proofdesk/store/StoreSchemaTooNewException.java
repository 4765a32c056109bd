package io.proofdesk.store;

import java.nio.file.Path;

/** The store was written by a newer Proofdesk; it is left untouched rather than migrated backwards. */
public final class StoreSchemaTooNewException extends StoreException {

    private final Path file;
    private final int foundVersion;
    private final int supportedVersion;

    public StoreSchemaTooNewException(Path file, int foundVersion, int supportedVersion) {
        super("store " + file + " has schema version " + foundVersion + " but this Proofdesk knows versions up to "
                + supportedVersion + "; open it with a newer Proofdesk (the file was not changed)");
        this.file = file;
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    public Path file() {
        return file;
    }

    public int foundVersion() {
        return foundVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}

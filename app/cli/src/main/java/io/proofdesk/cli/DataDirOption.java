package io.proofdesk.cli;

import io.proofdesk.store.DataDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir}: the store and settings folder every command that reads or writes the store takes. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the local store and settings (default: $XDG_DATA_HOME/proofdesk or ~/.local/share/proofdesk)")
    Path dataDir;

    public DataDirectory dataDirectory() {
        return DataDirectory.resolve(dataDir);
    }
}

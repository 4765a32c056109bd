package io.proofdesk.devnet.anvil;

import java.nio.file.Path;
import java.util.List;

/** No usable anvil binary: carries every place that was looked at, in order. */
public final class AnvilNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Path> triedPaths;

    public AnvilNotFoundException(List<Path> triedPaths, String hint) {
        super("anvil (the demo network's EVM node) was not found; looked at: "
                + (triedPaths.isEmpty() ? "nowhere" : triedPaths.stream().map(Path::toString).toList())
                + ". " + hint);
        this.triedPaths = List.copyOf(triedPaths);
    }

    public List<Path> triedPaths() {
        return triedPaths;
    }
}

package io.proofdesk.ui.network;

import java.nio.file.Path;

/** {@code network.json} exists but cannot be used (too large, not JSON, wrong values); the message names the file. */
public final class NetworkConfigUnreadableException extends Exception {

    private final Path file;

    public NetworkConfigUnreadableException(Path file, String why, Throwable cause) {
        super("the network settings in " + file + " cannot be read (" + why + "); fix or delete the file, or choose "
                + "the network again in Settings", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

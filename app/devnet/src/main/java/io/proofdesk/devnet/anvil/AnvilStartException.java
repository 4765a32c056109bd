package io.proofdesk.devnet.anvil;

import java.nio.file.Path;

/** anvil did not come up: carries the port it was asked to use and the log file to read. */
public final class AnvilStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int port;
    private final transient Path logFile;

    public AnvilStartException(String reason, int port, Path logFile, Throwable cause) {
        super("anvil did not start on 127.0.0.1:" + port + ": " + reason + " (log: " + logFile + ")", cause);
        this.port = port;
        this.logFile = logFile;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }
}

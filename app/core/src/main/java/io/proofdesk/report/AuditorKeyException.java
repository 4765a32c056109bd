package io.proofdesk.report;

import java.nio.file.Path;

/** The auditor's key files cannot be created, read or trusted (e.g. the private key is readable by others). */
public final class AuditorKeyException extends RuntimeException {

    private final Path file;

    public AuditorKeyException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public AuditorKeyException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

package io.proofdesk.ui.network;

import java.nio.file.FileSystemException;

/** The embedded demo network did not start; the message says why (anvil missing, a port, a folder). */
public final class DemoStartException extends Exception {

    public DemoStartException(Throwable cause) {
        super("the demo network could not start: " + reason(cause), cause);
    }

    private static String reason(Throwable e) {
        if (e instanceof FileSystemException f) {
            return "cannot use " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
    }
}

package io.proofdesk.ui.reports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Hands a file to the system (its viewer, or its folder in the file manager), or a web page to its browser. Called
 * off the FX thread.
 */
public interface DocumentOpener {

    void open(Path file) throws IOException;

    void showInFolder(Path file) throws IOException;

    /** Opens a web page in the system's browser; an opener that cannot says so. */
    default void browse(URI page) throws IOException {
        throw new NoHandlerException("this system has no web browser registered to open " + page);
    }

    /** The system offers no program for this; the message says so as a sentence. */
    final class NoHandlerException extends IOException {
        public NoHandlerException(String what) {
            super(what);
        }
    }
}

package io.proofdesk.ui.reports;

import java.io.IOException;
import java.nio.file.Path;

/** Hands a file to the system (its viewer, or its folder in the file manager). Called off the FX thread. */
public interface DocumentOpener {

    void open(Path file) throws IOException;

    void showInFolder(Path file) throws IOException;

    /** The system offers no program for this; the message says so as a sentence. */
    final class NoHandlerException extends IOException {
        public NoHandlerException(String what) {
            super(what);
        }
    }
}

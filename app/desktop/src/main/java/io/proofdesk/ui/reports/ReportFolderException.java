package io.proofdesk.ui.reports;

import java.io.IOException;
import java.nio.file.Path;

/** The report folder cannot be created or written; names the folder and why. */
public final class ReportFolderException extends IOException {

    public ReportFolderException(Path folder, String why) {
        super("the report cannot be written to the folder " + folder + ": " + why);
    }
}

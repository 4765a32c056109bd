package io.proofdesk.ui.reports;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/** Asks the user for a file to read (a report to check, a public key); FX thread. Null when they cancel. */
@FunctionalInterface
public interface ReportFilePicker {

    /**
     * @param folder   where the dialog starts, if it exists
     * @param filter   how the dialog names the kind of file ("Proofdesk reports (JSON, PDF)")
     * @param patterns the file patterns shown, e.g. "*.json"
     */
    Path open(Window owner, String title, Path folder, String filter, List<String> patterns);
}

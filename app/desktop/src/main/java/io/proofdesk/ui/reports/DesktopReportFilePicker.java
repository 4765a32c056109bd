package io.proofdesk.ui.reports;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The system's open-file dialog. */
public final class DesktopReportFilePicker implements ReportFilePicker {

    @Override
    public Path open(Window owner, String title, Path folder, String filter, List<String> patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, patterns));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File picked = chooser.showOpenDialog(owner);
        return picked == null ? null : picked.toPath();
    }
}

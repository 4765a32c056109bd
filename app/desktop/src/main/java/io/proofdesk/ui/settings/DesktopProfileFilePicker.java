package io.proofdesk.ui.settings;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** The system's file dialogs, showing JSON files. */
public final class DesktopProfileFilePicker implements ProfileFilePicker {

    @Override
    public Path open(Window owner, String title, String filter) {
        File picked = chooser(title, filter).showOpenDialog(owner);
        return picked == null ? null : picked.toPath();
    }

    @Override
    public Path save(Window owner, String title, String filter, String suggestedName) {
        FileChooser chooser = chooser(title, filter);
        chooser.setInitialFileName(suggestedName);
        File picked = chooser.showSaveDialog(owner);
        return picked == null ? null : picked.toPath();
    }

    private static FileChooser chooser(String title, String filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, "*.json"));
        return chooser;
    }
}

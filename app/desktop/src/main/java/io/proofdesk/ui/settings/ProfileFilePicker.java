package io.proofdesk.ui.settings;

import javafx.stage.Window;

import java.nio.file.Path;

/** Asks the user for a network profile file to load or to write; FX thread. Null when they cancel. */
public interface ProfileFilePicker {

    Path open(Window owner, String title, String filter);

    /** @param suggestedName the file name the dialog proposes ("opengradient-devnet.json") */
    Path save(Window owner, String title, String filter, String suggestedName);
}

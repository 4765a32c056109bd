package io.proofdesk.ui.verify;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main window's ways into a gateway response check: a .json file dropped anywhere on it is checked, and every
 * outcome opens (or refreshes) the result dialog over it.
 */
public final class ResponseCheckEntry {

    private final ResponseCheckViewModel viewModel;
    private final ResponseCheckDialog dialog;

    public ResponseCheckEntry(ResponseCheckViewModel viewModel, ResponseCheckDialog dialog) {
        this.viewModel = viewModel;
        this.dialog = dialog;
    }

    /** Installs the drop target and the dialog on the window's scene; the returned action removes them. */
    public Runnable attach(Scene scene) {
        scene.setOnDragOver(e -> {
            if (responseFile(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(this::dropped);
        ChangeListener<ResponseCheckViewModel.Outcome> show = (o, was, now) -> {
            if (now != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
                dialog.show(scene.getWindow(), now);
            }
        };
        viewModel.outcomeProperty().addListener(show);
        return () -> viewModel.outcomeProperty().removeListener(show);
    }

    private void dropped(DragEvent e) {
        Path file = responseFile(e.getDragboard());
        if (file != null) {
            viewModel.check(file);
        }
        e.setDropCompleted(file != null);
        e.consume();
    }

    private static Path responseFile(Dragboard board) {
        return board.hasFiles() ? responseFile(board.getFiles()) : null;
    }

    /** One dropped .json file is a response to check; anything else is not taken. */
    static Path responseFile(List<File> files) {
        if (files.size() != 1 || !files.getFirst().getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return null;
        }
        return files.getFirst().toPath();
    }
}

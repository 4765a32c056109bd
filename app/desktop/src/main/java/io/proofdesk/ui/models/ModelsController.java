package io.proofdesk.ui.models;

import io.proofdesk.ui.controls.EmptyState;
import javafx.fxml.FXML;

public final class ModelsController {

    private final ModelsViewModel viewModel;

    @FXML private EmptyState emptyState;

    public ModelsController(ModelsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
    }
}

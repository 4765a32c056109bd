package io.proofdesk.ui.inferences;

import io.proofdesk.ui.controls.EmptyState;
import javafx.fxml.FXML;

public final class InferencesController {

    private final InferencesViewModel viewModel;

    @FXML private EmptyState emptyState;

    public InferencesController(InferencesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
    }
}

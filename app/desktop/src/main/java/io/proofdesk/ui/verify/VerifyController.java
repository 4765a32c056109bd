package io.proofdesk.ui.verify;

import io.proofdesk.ui.controls.EmptyState;
import javafx.fxml.FXML;

public final class VerifyController {

    private final VerifyViewModel viewModel;

    @FXML private EmptyState emptyState;

    public VerifyController(VerifyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.ui.controls.EmptyState;
import javafx.fxml.FXML;

public final class NetworkController {

    private final NetworkViewModel viewModel;

    @FXML private EmptyState emptyState;

    public NetworkController(NetworkViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
    }
}

package io.proofdesk.ui.reports;

import io.proofdesk.ui.controls.EmptyState;
import javafx.fxml.FXML;

public final class ReportsController {

    private final ReportsViewModel viewModel;

    @FXML private EmptyState emptyState;

    public ReportsController(ReportsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
    }
}

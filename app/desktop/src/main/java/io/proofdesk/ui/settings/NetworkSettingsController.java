package io.proofdesk.ui.settings;

import io.proofdesk.ui.network.NetworkField;
import io.proofdesk.ui.network.NetworkMode;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/** The Network card of Settings (included by SettingsView.fxml). */
public final class NetworkSettingsController {

    private static final String INVALID = "field-invalid";

    private final NetworkSettingsViewModel viewModel;
    private final Map<NetworkField, TextInputControl> inputs = new EnumMap<>(NetworkField.class);

    @FXML private ToggleGroup networkModeGroup;
    @FXML private ToggleButton demoMode;
    @FXML private ToggleButton customMode;
    @FXML private VBox demoFields;
    @FXML private GridPane customFields;
    @FXML private TextInputControl demoSize;
    @FXML private TextInputControl rpcUrls;
    @FXML private TextInputControl hubUrl;
    @FXML private TextInputControl fileStoreUrl;
    @FXML private TextInputControl blobStoreUrl;
    @FXML private TextInputControl teeRegistry;
    @FXML private TextInputControl settlementRelay;
    @FXML private TextInputControl inference;
    @FXML private TextInputControl chainId;
    @FXML private Label networkProblems;
    @FXML private Label networkStatus;

    public NetworkSettingsController(NetworkSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        demoMode.setUserData(NetworkMode.DEMO);
        customMode.setUserData(NetworkMode.CUSTOM);
        (viewModel.modeProperty().get() == NetworkMode.CUSTOM ? customMode : demoMode).setSelected(true);
        networkModeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            } else {
                viewModel.modeProperty().set((NetworkMode) now.getUserData());
            }
        });
        demoFields.visibleProperty().bind(viewModel.modeProperty().isEqualTo(NetworkMode.DEMO));
        demoFields.managedProperty().bind(demoFields.visibleProperty());
        customFields.visibleProperty().bind(viewModel.modeProperty().isEqualTo(NetworkMode.CUSTOM));
        customFields.managedProperty().bind(customFields.visibleProperty());

        inputs.put(NetworkField.DEMO_SIZE, demoSize);
        inputs.put(NetworkField.RPC_URLS, rpcUrls);
        inputs.put(NetworkField.HUB_URL, hubUrl);
        inputs.put(NetworkField.FILE_STORE_URL, fileStoreUrl);
        inputs.put(NetworkField.BLOB_STORE_URL, blobStoreUrl);
        inputs.put(NetworkField.TEE_REGISTRY, teeRegistry);
        inputs.put(NetworkField.SETTLEMENT_RELAY, settlementRelay);
        inputs.put(NetworkField.INFERENCE, inference);
        inputs.put(NetworkField.CHAIN_ID, chainId);
        inputs.forEach((field, input) -> input.textProperty().bindBidirectional(viewModel.field(field)));
        viewModel.invalidFields().addListener((SetChangeListener<NetworkField>) change -> {
            if (change.wasAdded()) {
                inputs.get(change.getElementAdded()).getStyleClass().add(INVALID);
            }
            if (change.wasRemoved()) {
                inputs.get(change.getElementRemoved()).getStyleClass().removeAll(INVALID);
            }
        });

        networkProblems.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.problems()), viewModel.problems()));
        networkProblems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        networkProblems.managedProperty().bind(networkProblems.visibleProperty());
        networkStatus.textProperty().bind(viewModel.statusProperty());
        networkStatus.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        networkStatus.managedProperty().bind(networkStatus.visibleProperty());
    }

    @FXML
    private void applyNetwork() {
        viewModel.apply();
    }
}

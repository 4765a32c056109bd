package io.proofdesk.ui.settings;

import io.proofdesk.ui.network.NetworkField;
import io.proofdesk.ui.network.NetworkMode;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/** The Network card of Settings (included by SettingsView.fxml). */
public final class NetworkSettingsController {

    private static final String INVALID = "field-invalid";

    private final NetworkSettingsViewModel viewModel;
    private final ResourceBundle strings;
    private final Map<NetworkField, TextInputControl> inputs = new EnumMap<>(NetworkField.class);

    @FXML private ToggleGroup networkModeGroup;
    @FXML private ToggleButton demoMode;
    @FXML private ToggleButton devnetMode;
    @FXML private ToggleButton customMode;
    @FXML private Node demoFields;
    @FXML private Node devnetFields;
    @FXML private Node customFields;
    @FXML private TextInputControl demoSize;
    @FXML private TextInputControl devnetFile;
    @FXML private TextInputControl networkName;
    @FXML private TextInputControl rpcUrls;
    @FXML private TextInputControl chainId;
    @FXML private TextInputControl hubUrl;
    @FXML private TextInputControl fileStoreUrl;
    @FXML private TextInputControl blobStoreUrl;
    @FXML private TextInputControl nodeUrls;
    @FXML private TextInputControl teeRegistry;
    @FXML private TextInputControl settlementRelay;
    @FXML private TextInputControl inference;
    @FXML private TextInputControl explorerUrl;
    @FXML private TextInputControl fromBlock;
    @FXML private TextInputControl trustRoots;
    @FXML private Label networkProblems;
    @FXML private Label networkStatus;
    @FXML private Button applyNetwork;

    public NetworkSettingsController(NetworkSettingsViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        demoMode.setUserData(NetworkMode.DEMO);
        devnetMode.setUserData(NetworkMode.DEVNET);
        customMode.setUserData(NetworkMode.CUSTOM);
        networkModeGroup.getToggles().stream().filter(t -> t.getUserData() == viewModel.modeProperty().get())
                .findFirst().ifPresent(t -> t.setSelected(true));
        networkModeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the three is always chosen
            } else {
                viewModel.modeProperty().set((NetworkMode) now.getUserData());
            }
        });
        showFor(demoFields, NetworkMode.DEMO);
        showFor(devnetFields, NetworkMode.DEVNET);
        showFor(customFields, NetworkMode.CUSTOM);

        inputs.put(NetworkField.DEMO_SIZE, demoSize);
        inputs.put(NetworkField.DEVNET_FILE, devnetFile);
        inputs.put(NetworkField.NAME, networkName);
        inputs.put(NetworkField.RPC_URLS, rpcUrls);
        inputs.put(NetworkField.CHAIN_ID, chainId);
        inputs.put(NetworkField.HUB_URL, hubUrl);
        inputs.put(NetworkField.FILE_STORE_URL, fileStoreUrl);
        inputs.put(NetworkField.BLOB_STORE_URL, blobStoreUrl);
        inputs.put(NetworkField.NODE_URLS, nodeUrls);
        inputs.put(NetworkField.TEE_REGISTRY, teeRegistry);
        inputs.put(NetworkField.SETTLEMENT_RELAY, settlementRelay);
        inputs.put(NetworkField.INFERENCE, inference);
        inputs.put(NetworkField.EXPLORER_URL, explorerUrl);
        inputs.put(NetworkField.FROM_BLOCK, fromBlock);
        inputs.put(NetworkField.TRUST_ROOTS, trustRoots);
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
        applyNetwork.disableProperty().bind(viewModel.checkingProperty());
    }

    private void showFor(Node fields, NetworkMode mode) {
        fields.visibleProperty().bind(viewModel.modeProperty().isEqualTo(mode));
        fields.managedProperty().bind(fields.visibleProperty());
    }

    @FXML
    private void applyNetwork() {
        viewModel.apply();
    }

    @FXML
    private void chooseDevnet() {
        FileChooser chooser = chooser("settings.network.devnet.chooserTitle", "settings.network.devnet.filter",
                "*.json");
        File f = chooser.showOpenDialog(devnetFile.getScene().getWindow());
        if (f != null) {
            devnetFile.setText(f.getAbsolutePath());
        }
    }

    @FXML
    private void addTrustRoot() {
        FileChooser chooser = chooser("settings.network.trustRoots.chooserTitle", "settings.network.trustRoots.filter",
                "*.pem", "*.crt", "*.cer");
        File f = chooser.showOpenDialog(trustRoots.getScene().getWindow());
        if (f != null) {
            String text = trustRoots.getText() == null ? "" : trustRoots.getText().strip();
            trustRoots.setText(text.isEmpty() ? f.getAbsolutePath() : text + "\n" + f.getAbsolutePath());
        }
    }

    private FileChooser chooser(String titleKey, String filterKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(strings.getString(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(strings.getString(filterKey), patterns));
        return chooser;
    }
}

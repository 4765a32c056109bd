package io.proofdesk.ui.settings;

import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.ui.network.NetworkField;
import io.proofdesk.ui.network.NetworkMode;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The Network card of Settings (included by SettingsView.fxml). */
public final class NetworkSettingsController {

    private static final String INVALID = "field-invalid";

    private final NetworkSettingsViewModel viewModel;
    private final ResourceBundle strings;
    private final Supplier<ProfileFilePicker> profileFiles;
    private final Map<NetworkField, TextInputControl> inputs = new EnumMap<>(NetworkField.class);
    // what a problem marks: the field's input, or the header format's choice
    private final Map<NetworkField, Node> marked = new EnumMap<>(NetworkField.class);

    @FXML private ToggleGroup networkModeGroup;
    @FXML private ToggleButton demoMode;
    @FXML private ToggleButton devnetMode;
    @FXML private ToggleButton customMode;
    @FXML private ToggleGroup headerFormatGroup;
    @FXML private ToggleButton headerEthereum;
    @FXML private ToggleButton headerCosmos;
    @FXML private MenuButton startFrom;
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
    @FXML private TextInputControl precompile;
    @FXML private TextInputControl nodeApi;
    @FXML private TextInputControl explorerUrl;
    @FXML private TextInputControl fromBlock;
    @FXML private TextInputControl trustRoots;
    @FXML private TextInputControl checkpoints;
    @FXML private Label networkProblems;
    @FXML private Label networkStatus;
    @FXML private Button applyNetwork;

    /** @param profileFiles the file dialogs of "Load a profile file" and "Save as profile file" (tests answer them) */
    public NetworkSettingsController(NetworkSettingsViewModel viewModel, ResourceBundle strings,
                                     Supplier<ProfileFilePicker> profileFiles) {
        this.viewModel = viewModel;
        this.strings = strings;
        this.profileFiles = profileFiles;
    }

    @FXML
    private void initialize() {
        demoMode.setUserData(NetworkMode.DEMO);
        devnetMode.setUserData(NetworkMode.DEVNET);
        customMode.setUserData(NetworkMode.CUSTOM);
        // "Start from" chooses Custom endpoints in the view-model; the segments follow
        viewModel.modeProperty().subscribe(m -> networkModeGroup.getToggles().stream()
                .filter(t -> t.getUserData() == m && !t.isSelected()).findFirst().ifPresent(t -> t.setSelected(true)));
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
        inputs.put(NetworkField.PRECOMPILE, precompile);
        inputs.put(NetworkField.NODE_API, nodeApi);
        inputs.put(NetworkField.EXPLORER_URL, explorerUrl);
        inputs.put(NetworkField.FROM_BLOCK, fromBlock);
        inputs.put(NetworkField.TRUST_ROOTS, trustRoots);
        inputs.put(NetworkField.CHECKPOINTS, checkpoints);
        inputs.forEach((field, input) -> input.textProperty().bindBidirectional(viewModel.field(field)));
        marked.putAll(inputs);
        marked.put(NetworkField.HEADER_FORMAT, headerEthereum.getParent());
        viewModel.invalidFields().addListener((SetChangeListener<NetworkField>) change -> {
            if (change.wasAdded()) {
                marked.get(change.getElementAdded()).getStyleClass().add(INVALID);
            }
            if (change.wasRemoved()) {
                marked.get(change.getElementRemoved()).getStyleClass().removeAll(INVALID);
            }
        });
        bindHeaderFormat();
        fillStartFrom();

        networkProblems.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.problems()), viewModel.problems()));
        networkProblems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        networkProblems.managedProperty().bind(networkProblems.visibleProperty());
        networkStatus.textProperty().bind(viewModel.statusProperty());
        networkStatus.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        networkStatus.managedProperty().bind(networkStatus.visibleProperty());
        applyNetwork.disableProperty().bind(viewModel.checkingProperty());
    }

    /** The two segments stand for the text of the header format field, as the profile writes it. */
    private void bindHeaderFormat() {
        headerEthereum.setUserData(HeaderFormat.ETHEREUM.key());
        headerCosmos.setUserData(HeaderFormat.COSMOS_EVM.key());
        viewModel.field(NetworkField.HEADER_FORMAT).subscribe(text -> {
            String key = HeaderFormat.of(text).orElse(HeaderFormat.ETHEREUM).key();
            for (Toggle t : headerFormatGroup.getToggles()) {
                if (key.equals(t.getUserData()) && !t.isSelected()) {
                    t.setSelected(true);
                }
            }
        });
        headerFormatGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                viewModel.field(NetworkField.HEADER_FORMAT).set((String) now.getUserData());
            }
        });
    }

    private void fillStartFrom() {
        for (var network : viewModel.builtIns()) {
            NetworkProfile profile = network.profile();
            MenuItem item = new MenuItem(viewModel.label(profile));
            item.setId("startFrom-" + network.name());
            item.setOnAction(e -> viewModel.startFrom(profile));
            startFrom.getItems().add(item);
        }
        MenuItem load = new MenuItem(strings.getString("settings.network.profile.load"));
        load.setId("loadProfile");
        load.setOnAction(e -> {
            Path file = profileFiles.get().open(startFrom.getScene().getWindow(),
                    strings.getString("settings.network.profile.loadTitle"),
                    strings.getString("settings.network.profile.filter"));
            if (file != null) {
                viewModel.loadProfile(file);
            }
        });
        startFrom.getItems().addAll(new SeparatorMenuItem(), load);
    }

    @FXML
    private void saveProfile() {
        viewModel.customProfile().ifPresent(profile -> {
            Path file = profileFiles.get().save(startFrom.getScene().getWindow(),
                    strings.getString("settings.network.profile.saveTitle"),
                    strings.getString("settings.network.profile.filter"), profile.name() + ".json");
            if (file != null) {
                viewModel.saveProfile(profile, file);
            }
        });
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

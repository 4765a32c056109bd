package io.proofdesk.ui.settings;

import io.proofdesk.ui.network.NetworkConfig;
import io.proofdesk.ui.network.NetworkDraft;
import io.proofdesk.ui.network.NetworkField;
import io.proofdesk.ui.network.NetworkForm;
import io.proofdesk.ui.network.NetworkMode;
import io.proofdesk.ui.network.NetworkService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The Network section of Settings: demo or custom endpoints, edited as text and checked on Apply; the problems are
 * listed as sentences and their fields marked. Apply saves {@code network.json} and switches the app's network.
 */
public final class NetworkSettingsViewModel {

    private final NetworkService network;
    private final ResourceBundle strings;
    private final NetworkForm form;
    private final ObjectProperty<NetworkMode> mode = new SimpleObjectProperty<>(this, "mode", NetworkMode.DEMO);
    private final Map<NetworkField, StringProperty> fields = new EnumMap<>(NetworkField.class);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableSet<NetworkField> invalid = FXCollections.observableSet();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public NetworkSettingsViewModel(NetworkService network, ResourceBundle strings) {
        this.network = network;
        this.strings = strings;
        this.form = new NetworkForm(strings);
        for (NetworkField f : NetworkField.values()) {
            fields.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        show(network.configProperty().get());
    }

    /** Puts a saved configuration into the form. */
    void show(NetworkConfig config) {
        NetworkDraft d = NetworkDraft.of(config);
        mode.set(d.mode());
        field(NetworkField.DEMO_SIZE).set(d.demoSize());
        field(NetworkField.RPC_URLS).set(d.rpcUrls());
        field(NetworkField.HUB_URL).set(d.hubUrl());
        field(NetworkField.FILE_STORE_URL).set(d.fileStoreUrl());
        field(NetworkField.BLOB_STORE_URL).set(d.blobStoreUrl());
        field(NetworkField.TEE_REGISTRY).set(d.teeRegistry());
        field(NetworkField.SETTLEMENT_RELAY).set(d.settlementRelay());
        field(NetworkField.INFERENCE).set(d.inference());
        field(NetworkField.CHAIN_ID).set(d.chainId());
    }

    NetworkDraft draft() {
        return new NetworkDraft(mode.get(), text(NetworkField.DEMO_SIZE), text(NetworkField.RPC_URLS),
                text(NetworkField.HUB_URL), text(NetworkField.FILE_STORE_URL), text(NetworkField.BLOB_STORE_URL),
                text(NetworkField.TEE_REGISTRY), text(NetworkField.SETTLEMENT_RELAY), text(NetworkField.INFERENCE),
                text(NetworkField.CHAIN_ID));
    }

    /** Checks the form; when it is right, saves it and switches the network. Returns whether it was applied. */
    public boolean apply() {
        NetworkForm.Result result = form.validate(draft(), network.configProperty().get());
        problems.setAll(result.problems().stream().map(NetworkForm.Problem::sentence).toList());
        invalid.clear();
        result.problems().forEach(p -> invalid.add(p.field()));
        if (!result.ok()) {
            status.set("");
            return false;
        }
        network.apply(result.config());
        status.set(strings.getString(result.config().mode() == NetworkMode.DEMO ? "settings.network.appliedDemo"
                : "settings.network.appliedCustom"));
        return true;
    }

    private String text(NetworkField f) {
        return fields.get(f).get();
    }

    public StringProperty field(NetworkField f) {
        return fields.get(f);
    }

    public ObjectProperty<NetworkMode> modeProperty() {
        return mode;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableSet<NetworkField> invalidFields() {
        return invalid;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

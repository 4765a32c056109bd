package io.proofdesk.ui.settings;

import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.network.BuiltInNetworks.BuiltInNetwork;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.NetworkProfileException;
import io.proofdesk.network.NetworkProfileJson;
import io.proofdesk.network.TrustRootFileException;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.network.ConfiguredNetworks;
import io.proofdesk.ui.network.CustomNetworkOffer;
import io.proofdesk.ui.network.NetworkConfig;
import io.proofdesk.ui.network.NetworkDraft;
import io.proofdesk.ui.network.NetworkField;
import io.proofdesk.ui.network.NetworkForm;
import io.proofdesk.ui.network.NetworkMode;
import io.proofdesk.ui.network.NetworkPhase;
import io.proofdesk.ui.network.NetworkService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.util.Subscription;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Network section of Settings: the embedded demo, an imported devnet.json, or custom endpoints, edited as text and
 * checked on Apply; the problems are listed as sentences and their fields marked. A devnet file or trust root files
 * are read off the FX thread before anything is saved. Apply saves {@code network.json} and switches the app's
 * network (applying the same network again restarts it); the status line then follows that network until it is up
 * or has failed. "Start from" fills the custom fields from a built-in network, a profile file or another view's offer
 * ({@link CustomNetworkOffer}) without applying anything; "Save as profile file" writes the custom fields as a
 * profile ({@code docs/NETWORKS.md}).
 */
public final class NetworkSettingsViewModel {

    private final NetworkService network;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final ResourceBundle strings;
    private final NetworkForm form;
    private final ObjectProperty<NetworkMode> mode = new SimpleObjectProperty<>(this, "mode", NetworkMode.DEMO);
    private final Map<NetworkField, StringProperty> fields = new EnumMap<>(NetworkField.class);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableSet<NetworkField> invalid = FXCollections.observableSet();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private Subscription following = Subscription.EMPTY;

    public NetworkSettingsViewModel(NetworkService network, CustomNetworkOffer offers, BackgroundExecutor executor,
                                    ErrorNotices notices, ResourceBundle strings) {
        this.network = network;
        this.executor = executor;
        this.notices = notices;
        this.strings = strings;
        this.form = new NetworkForm(strings);
        for (NetworkField f : NetworkField.values()) {
            fields.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        show(network.configProperty().get());
        // the problems of one choice say nothing about another
        mode.addListener((o, was, now) -> showProblems(List.of()));
        // an offer made before Settings was first shown is taken at once
        offers.pendingProperty().subscribe(p -> {
            if (p != null) {
                offers.take().ifPresent(this::startFrom);
            }
        });
    }

    /** The built-in networks "Start from" offers: those with a profile (the demo's endpoints exist only while it runs). */
    public List<BuiltInNetwork> builtIns() {
        return BuiltInNetworks.all().stream().filter(n -> n.profile() != null).toList();
    }

    /** "OpenGradient devnet (chain 10740)". */
    public String label(NetworkProfile p) {
        String key = "settings.network.builtIn." + p.name();
        String name = strings.containsKey(key) ? strings.getString(key) : p.name();
        return p.chainId() == null ? name : say("settings.network.startFrom.builtIn", name, p.chainId().toString());
    }

    /** Chooses Custom endpoints and shows {@code profile} in every custom field; nothing is applied. */
    public void startFrom(NetworkProfile profile) {
        startFrom(profile, label(profile));
    }

    private void startFrom(NetworkProfile profile, String shownAs) {
        NetworkDraft d = draft().withCustom(profile);
        mode.set(d.mode());
        fields.forEach((f, p) -> p.set(d.text(f)));
        showProblems(List.of());
        status.set(say("settings.network.profile.filled", shownAs));
    }

    /** Reads a profile file off the FX thread and shows it; a file that cannot be used is a sentence under the form. */
    public void loadProfile(Path file) {
        status.set(say("settings.network.profile.loading", file.getFileName()));
        Tasks.create(ctx -> readProfile(file))
                .onSuccess(p -> startFrom(p, file.getFileName().toString()))
                .onError(e -> {
                    status.set("");
                    showProblems(List.of(new NetworkForm.Problem(null,
                            say("settings.network.profile.unreadable", notices.sentence(e)))));
                })
                .run(executor);
    }

    private static NetworkProfile readProfile(Path file) throws IOException {
        try {
            return NetworkProfileJson.read(file);
        } catch (NoSuchFileException e) {
            throw new NetworkProfileException(file.toString(), "no such file");
        }
    }

    /**
     * The custom fields as a profile, or empty after showing what is wrong with them (whatever network is chosen:
     * the custom fields are what is saved).
     */
    public Optional<NetworkProfile> customProfile() {
        NetworkForm.Result r = form.validate(draft().withMode(NetworkMode.CUSTOM), network.configProperty().get());
        showProblems(r.problems());
        return r.ok() ? Optional.of(r.config().custom()) : Optional.empty();
    }

    /** Writes {@code profile} to {@code file} off the FX thread. */
    public void saveProfile(NetworkProfile profile, Path file) {
        Tasks.create(ctx -> {
            NetworkProfileJson.write(profile, file);
            return file;
        }).onSuccess(f -> status.set(say("settings.network.profile.saved", f)))
                .onError(e -> {
                    status.set("");
                    showProblems(List.of(new NetworkForm.Problem(null,
                            say("settings.network.profile.notSaved", notices.sentence(e)))));
                })
                .run(executor);
    }

    /** Puts a saved configuration into the form. */
    void show(NetworkConfig config) {
        NetworkDraft d = NetworkDraft.of(config);
        mode.set(d.mode());
        fields.forEach((f, p) -> p.set(d.text(f)));
    }

    NetworkDraft draft() {
        Map<NetworkField, String> texts = new EnumMap<>(NetworkField.class);
        fields.forEach((f, p) -> texts.put(f, p.get()));
        return new NetworkDraft(mode.get(), texts);
    }

    /** Checks the form; when it is right, saves it and switches the network. Returns whether the form was right. */
    public boolean apply() {
        NetworkForm.Result result = form.validate(draft(), network.configProperty().get());
        showProblems(result.problems());
        if (!result.ok()) {
            status.set("");
            return false;
        }
        NetworkConfig config = result.config();
        if (config.mode() == NetworkMode.DEMO) {
            save(config);
            return true;
        }
        checking.set(true);
        status.set(say("settings.network.checking"));
        Tasks.create(ctx -> ConfiguredNetworks.resolve(config))
                .onSuccess(ep -> save(config))
                .onError(e -> {
                    NetworkField field = e instanceof TrustRootFileException ? NetworkField.TRUST_ROOTS
                            : config.mode() == NetworkMode.DEVNET ? NetworkField.DEVNET_FILE : NetworkField.RPC_URLS;
                    showProblems(List.of(new NetworkForm.Problem(field, notices.sentence(e))));
                    status.set("");
                })
                .andFinally(() -> checking.set(false))
                .run(executor);
        return true;
    }

    private void showProblems(List<NetworkForm.Problem> found) {
        problems.setAll(found.stream().map(NetworkForm.Problem::sentence).toList());
        invalid.clear();
        found.stream().filter(p -> p.field() != null).forEach(p -> invalid.add(p.field()));
    }

    private void save(NetworkConfig config) {
        network.apply(config);
        status.set(say(switch (config.mode()) {
            case DEMO -> "settings.network.appliedDemo";
            case DEVNET -> "settings.network.appliedDevnet";
            case CUSTOM -> "settings.network.appliedCustom";
        }));
        follow();
    }

    /** Says how the network just applied came up (or why it did not), then stops listening. */
    private void follow() {
        following.unsubscribe();
        boolean[] started = {false};
        following = network.phaseProperty().subscribe(p -> {
            if (p == NetworkPhase.STARTING) {
                started[0] = true;
            } else if (started[0] && p == NetworkPhase.READY) {
                status.set(say("settings.network.connected", network.endpointsProperty().get() == null ? ""
                        : network.endpointsProperty().get().profile().describe()));
                following.unsubscribe();
            } else if (started[0] && (p == NetworkPhase.FAILED || p == NetworkPhase.STOPPED)) {
                status.set(network.problemProperty().get().isEmpty() ? say("settings.network.notStarted")
                        : say("settings.network.failed", network.problemProperty().get()));
                following.unsubscribe();
            }
        });
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
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

    /** True while the files the form names are being read. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}

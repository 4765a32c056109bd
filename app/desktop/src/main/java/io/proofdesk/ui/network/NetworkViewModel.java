package io.proofdesk.ui.network;

import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.ui.common.UiSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * State of the Network view: the empty state until a network is up (saying whether it is starting, failed or not
 * chosen), then the demo badge, the endpoints with their probes and sync lag, and the nodes. Listens to the app's
 * {@link NetworkService} only while shown. Until a network is chosen (no network.json yet) a card says this is the demo
 * and offers OpenGradient's devnet, filled into Settings for the user to apply, or to keep the demo (remembered).
 */
public final class NetworkViewModel {

    private final NetworkService network;
    private final ResourceBundle strings;
    private final NetworkRows rows;
    private final UiSettings settings;
    private final CustomNetworkOffer offers;
    private final BooleanBinding firstRunCard;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo", false);
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper demoExplanation = new ReadOnlyStringWrapper(this, "demoExplanation", "");
    private final ObservableList<EndpointRow> endpointRows = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodeRows = FXCollections.observableArrayList();
    private Subscription subscription = Subscription.EMPTY;

    public NetworkViewModel(NetworkService network, UiSettings settings, CustomNetworkOffer offers,
                            ResourceBundle strings) {
        this.network = network;
        this.strings = strings;
        this.settings = settings;
        this.offers = offers;
        this.rows = new NetworkRows(strings);
        this.firstRunCard = Bindings.createBooleanBinding(
                () -> network.firstRunProperty().get() && !settings.firstRunCardDismissedProperty().get(),
                network.firstRunProperty(), settings.firstRunCardDismissedProperty());
        recompute();
    }

    public void activate() {
        subscription.unsubscribe();
        subscription = Subscription.combine(
                network.phaseProperty().subscribe(p -> recompute()),
                network.endpointsProperty().subscribe(e -> recompute()),
                network.problemProperty().subscribe(p -> recompute()),
                network.progressProperty().subscribe(p -> recompute()),
                network.monitor().roundProperty().subscribe(r -> recompute()),
                network.monitor().factsProperty().subscribe(f -> recompute()));
    }

    public void deactivate() {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
    }

    void recompute() {
        NetworkEndpoints ep = network.endpointsProperty().get();
        NetworkPhase phase = network.phaseProperty().get();
        boolean up = phase == NetworkPhase.READY && ep != null;
        empty.set(!up);
        demo.set(up ? ep.demo() : network.configProperty().get().mode() == NetworkMode.DEMO);
        demoExplanation.set(say(up && !ep.embedded() ? "network.devnet.explanation" : "network.demo.explanation"));
        String state = phase.name().toLowerCase(java.util.Locale.ROOT);
        emptyTitle.set(say("network.empty." + state + ".title"));
        emptyText.set(phase == NetworkPhase.FAILED && !network.problemProperty().get().isEmpty()
                ? network.problemProperty().get() : say("network.empty." + state + ".text"));
        emptyHint.set(phase == NetworkPhase.STARTING && !network.progressProperty().get().isEmpty()
                ? network.progressProperty().get() : say("network.empty." + state + ".hint"));
        if (!up) {
            endpointRows.clear();
            nodeRows.clear();
            summary.set("");
            return;
        }
        ProbeRound round = network.monitor().roundProperty().get();
        StoreFacts facts = network.monitor().factsProperty().get();
        setIfChanged(endpointRows, rows.endpoints(ep, round, facts));
        setIfChanged(nodeRows, rows.nodes(ep, round, facts));
        summary.set(say("network.summary", ep.chainId() == null ? say("common.none") : String.valueOf(ep.chainId()),
                ep.rpcUrls().size(), nodeRows.size()));
    }

    // a table whose items are replaced by equal items would still lose its selection and scroll position
    private static <T> void setIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }

    /** Offers OpenGradient's devnet to Settings → Network (the caller shows Settings); nothing is applied. */
    public void auditOpenGradient() {
        offers.offer(BuiltInNetworks.named(BuiltInNetworks.OPENGRADIENT_DEVNET).orElseThrow().profile());
    }

    /** "Keep the demo": the first-run card goes, and stays gone in later runs. */
    public void keepDemo() {
        settings.firstRunCardDismissedProperty().set(true);
    }

    /** The first-run card: no network chosen yet, and "Keep the demo" not chosen. */
    public ObservableBooleanValue firstRunCardProperty() {
        return firstRunCard;
    }

    public void syncNow() {
        network.syncNow();
    }

    public void stopSync() {
        network.stopSync();
    }

    public void probeNow() {
        network.monitor().probeNow();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True for the demo network: the view shows the DEMO NETWORK badge and its explanation. */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** Why the demo banner is shown: the embedded demo, or a devnet imported from its devnet.json. */
    public ReadOnlyStringProperty demoExplanationProperty() {
        return demoExplanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    /** "Chain 31337 · 1 RPC endpoint · 8 nodes". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<EndpointRow> endpointRows() {
        return endpointRows;
    }

    public ObservableList<NodeRow> nodeRows() {
        return nodeRows;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return network.syncingProperty();
    }

    public BooleanProperty followProperty() {
        return network.followProperty();
    }

    public boolean canFollow() {
        return network.canFollow();
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }
}

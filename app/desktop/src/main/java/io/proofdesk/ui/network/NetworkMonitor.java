package io.proofdesk.ui.network;

import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.shell.ChainState;
import io.proofdesk.ui.shell.StatusBarViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import javafx.util.Subscription;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.ResourceBundle;

/**
 * Watches the network while it is up: probes its endpoints and nodes every few seconds, re-reads the store's
 * registry and checkpoints after each round and each store change, and keeps the status bar's chain line current.
 */
public final class NetworkMonitor {

    static final Duration PERIOD = Duration.seconds(5);

    private final StoreAccess store;
    private final StoreEvents events;
    private final StatusBarViewModel statusBar;
    private final ResourceBundle strings;
    private final ReadOnlyObjectProperty<NetworkEndpoints> endpoints;
    private final EndpointProber prober;
    // a daemon thread, so a probe that hangs never holds the app open
    private final ExecutorService rounds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "proofdesk-probe-rounds");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService probeThreads = Executors.newVirtualThreadPerTaskExecutor();
    private EndpointProbeService probes;
    private final ReadOnlyObjectWrapper<ProbeRound> round = new ReadOnlyObjectWrapper<>(this, "round", ProbeRound.NONE);
    private final ReadOnlyObjectWrapper<StoreFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts", StoreFacts.NONE);
    private Subscription storeSubscription = Subscription.EMPTY;

    NetworkMonitor(EndpointProber prober, StoreAccess store, StoreEvents events, StatusBarViewModel statusBar,
                   ResourceBundle strings, ReadOnlyObjectProperty<NetworkEndpoints> endpoints) {
        this.store = store;
        this.events = events;
        this.statusBar = statusBar;
        this.strings = strings;
        this.endpoints = endpoints;
        this.prober = prober;
    }

    void start() {
        round.set(ProbeRound.NONE);
        storeSubscription.unsubscribe();
        storeSubscription = events.subscribe(e -> refreshFacts());
        refreshFacts();
        if (probes != null) {
            probes.cancel();
        }
        // a fresh service each time: a cancelled ScheduledService does not start again cleanly
        EndpointProbeService service = new EndpointProbeService(prober, this::targets, PERIOD, rounds, probeThreads);
        service.setOnSucceeded(e -> {
            if (service == probes) {
                onRound(service.getValue());
            }
        });
        probes = service;
        service.start();
    }

    void stop() {
        if (probes != null) {
            probes.cancel();
            probes = null;
        }
        storeSubscription.unsubscribe();
        storeSubscription = Subscription.EMPTY;
        round.set(ProbeRound.NONE);
        facts.set(StoreFacts.NONE);
    }

    void shutdown() {
        stop();
        rounds.shutdownNow();
        probeThreads.shutdownNow();
        prober.close();
    }

    /** Probes again now (the view's Refresh; tests). */
    public void probeNow() {
        EndpointProbeService service = probes;
        if (endpoints.get() != null && service != null) {
            service.probeOnce(r -> {
                if (service == probes) {
                    onRound(r);
                }
            });
        }
    }

    void refreshFacts() {
        // a store that is switching or closed simply keeps the last facts until it is open again
        store.read(StoreFacts::read, facts::set, problem -> { });
    }

    private EndpointProbeService.Targets targets() {
        NetworkEndpoints ep = endpoints.get();
        if (ep == null) {
            return new EndpointProbeService.Targets(List.of(), List.of(), null);
        }
        List<String> nodes = facts.get().tees().isEmpty()
                ? ep.nodes().stream().map(NetworkEndpoints.KnownNode::url).toList()
                : facts.get().tees().stream().map(t -> t.endpoint()).filter(u -> u != null && !u.isBlank()).toList();
        return new EndpointProbeService.Targets(ep.probeTargets(), nodes, ep.chainId());
    }

    private void onRound(ProbeRound r) {
        NetworkEndpoints ep = endpoints.get();
        if (ep == null || r == null) {
            return;
        }
        round.set(r);
        refreshFacts();
        Optional<ProbeResult> answering = r.endpoints().stream()
                .filter(p -> p.target().kind() == ProbeTarget.Kind.RPC && p.ok()).findFirst();
        if (answering.isPresent()) {
            String detail = MessageFormat.format(strings.getString("network.status.chain"),
                    String.valueOf(answering.get().chainId()), r.head().orElse(0L));
            statusBar.showChain(ep.demo() ? ChainState.DEMO : ChainState.CONNECTED, detail);
        } else {
            String why = r.endpoints().stream().filter(p -> p.target().kind() == ProbeTarget.Kind.RPC)
                    .map(ProbeResult::error).findFirst().orElse("");
            statusBar.showChain(ChainState.FAILED, why == null ? "" : why);
        }
    }

    public ReadOnlyObjectProperty<ProbeRound> roundProperty() {
        return round.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StoreFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }
}

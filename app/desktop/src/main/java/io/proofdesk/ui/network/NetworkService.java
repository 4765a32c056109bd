package io.proofdesk.ui.network;

import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.shell.ChainState;
import io.proofdesk.ui.shell.StatusBarViewModel;
import io.proofdesk.ui.shell.SyncState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network the app reads from, for the whole app run. On {@link #start()} (after the first frame) it starts what
 * the saved settings name: the embedded demo network (its own store under {@code <dataDir>/demo/store}, reset each
 * time, since the demo chain is new each time; then a sync into it), or an imported devnet.json or custom endpoints
 * (the main store; their files are read off the FX thread on each connect). While a network is up its endpoints and
 * nodes are probed, the store's registry is re-read, and the status bar shows chain and sync. {@link #apply} saves
 * new settings and switches (also the way to retry a network that failed); {@link #close()} stops everything.
 */
public final class NetworkService implements AutoCloseable {

    public static final String DEMO_FOLDER = "demo";

    private final NetworkConfigStore configStore;
    private final DataDirectory dataDirectory;
    private final StoreAccess store;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final StatusBarViewModel statusBar;
    private final ResourceBundle strings;
    private final DemoLauncher launcher;
    private final NetworkSyncRunner syncRunner;
    private final NetworkMonitor monitor;

    private final ReadOnlyObjectWrapper<NetworkConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyObjectWrapper<NetworkEndpoints> endpoints = new ReadOnlyObjectWrapper<>(this, "endpoints");
    private final ReadOnlyObjectWrapper<NetworkPhase> phase =
            new ReadOnlyObjectWrapper<>(this, "phase", NetworkPhase.NOT_CONFIGURED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper(this, "firstRun", false);
    private final AtomicReference<Devnet> devnet = new AtomicReference<>();
    // what verification reads from its own threads; the property above is for the FX thread
    private volatile NetworkEndpoints current;
    // the banner sentence this service put up, taken down when the network changes
    private String shownProblem;
    private Task<Devnet> demoTask;
    private long generation;
    private volatile boolean closed;

    public NetworkService(NetworkConfigStore configStore, DataDirectory dataDirectory, StoreAccess store,
                          StoreEvents events, BackgroundExecutor executor, ErrorNotices notices,
                          StatusBarViewModel statusBar, ResourceBundle strings, DemoLauncher launcher,
                          NetworkSync sync, EndpointProber prober) {
        this.configStore = configStore;
        this.dataDirectory = dataDirectory;
        this.store = store;
        this.executor = executor;
        this.notices = notices;
        this.statusBar = statusBar;
        this.strings = strings;
        this.launcher = launcher;
        this.syncRunner = new NetworkSyncRunner(sync, store, events, executor, notices, statusBar, strings);
        this.monitor = new NetworkMonitor(prober, store, events, statusBar, strings, endpoints);
        NetworkConfig saved = NetworkConfig.FIRST_RUN;
        try {
            var read = configStore.read();
            firstRun.set(read.isEmpty());
            saved = read.orElse(NetworkConfig.FIRST_RUN);
        } catch (NetworkConfigUnreadableException e) {
            problem.set(notices.sentence(e));
            notices.show(e);
        }
        config.set(saved);
    }

    /** Starts the saved network; call once on the FX thread, after the window is up. */
    public void start() {
        if (!problem.get().isEmpty() && phase.get() == NetworkPhase.NOT_CONFIGURED) {
            phase.set(NetworkPhase.FAILED); // network.json could not be read; Settings can write a new one
            return;
        }
        switchTo(config.get());
    }

    /** Saves {@code next} (atomically, off the FX thread) and switches to it. */
    public void apply(NetworkConfig next) {
        Tasks.create(ctx -> {
            configStore.write(next);
            return next;
        }).onSuccess(saved -> {
            firstRun.set(false);
            config.set(saved);
            switchTo(saved);
        }).run(executor);
    }

    private void switchTo(NetworkConfig c) {
        long run = ++generation;
        stopNetwork();
        notices.dismissIf(shownProblem);
        shownProblem = null;
        problem.set("");
        progress.set("");
        phase.set(NetworkPhase.STARTING);
        // the old network's "up to date · block N" says nothing about the one starting now
        statusBar.showSync(SyncState.IDLE, "");
        if (c.mode() == NetworkMode.DEMO) {
            statusBar.showChain(ChainState.CONNECTING, say("network.status.demoStarting"));
            Path demoDir = dataDirectory.resolve(DEMO_FOLDER);
            watch(run, store.reopen(new DataDirectory(demoDir.resolve("store")), true,
                    () -> launchDemo(run, c, demoDir)));
        } else {
            statusBar.showChain(ChainState.CONNECTING, "");
            watch(run, store.reopen(dataDirectory, false, () -> connect(run, c)));
        }
    }

    /** A store that cannot be opened fails this network's start (StoreAccess has put its sentence up). */
    private void watch(long run, Task<Boolean> opening) {
        opening.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.FAILED) {
                failed(run, opening.getException());
            }
        });
    }

    /** An imported devnet or custom endpoints: their files are read, then the network is up. */
    private void connect(long run, NetworkConfig c) {
        if (run != generation || closed) {
            return;
        }
        Tasks.create(ctx -> ConfiguredNetworks.resolve(c))
                .onSuccess(ep -> ready(run, ep))
                .onError(e -> failed(run, e))
                .run(executor);
    }

    private void launchDemo(long run, NetworkConfig c, Path demoDir) {
        if (run != generation || closed) {
            return;
        }
        DevnetConfig devnetConfig = new DevnetConfig(c.demoInferences(), DevnetConfig.DEFAULT_DISHONEST_RATE,
                DevnetConfig.DEFAULT_SEED, demoDir);
        demoTask = Tasks.<Devnet>create(ctx -> {
            Devnet d;
            try {
                d = launcher.start(devnetConfig, (step, done, total) -> {
                    ctx.checkCancelled(); // Devnet.start stops what it started when this throws
                    ctx.progress(done, total);
                    ctx.message(total > 0 ? say("network.demo.step", step, done, total)
                            : say("network.demo.phase", step));
                });
            } catch (CancellationException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new DemoStartException(e);
            }
            devnet.set(d);
            if (ctx.isCancelled() || closed) {
                closeDemo();
                throw new CancellationException("the demo network was stopped while starting");
            }
            return d;
        }).titled(say("network.demo.task"))
                .onSuccess(d -> ready(run, NetworkEndpoints.of(d.manifest(), d.manifest().toProfile(), true)))
                .onError(e -> failed(run, e))
                .onCancelled(() -> {
                    closeDemo();
                    if (run == generation) {
                        phase.set(NetworkPhase.STOPPED);
                        statusBar.showChain(ChainState.NOT_CONNECTED, say("network.status.demoStopped"));
                    }
                })
                .andFinally(() -> demoTask = null)
                .run(executor);
        demoTask.messageProperty().addListener((o, was, now) -> progress.set(now));
    }

    private void ready(long run, NetworkEndpoints ep) {
        if (run != generation || closed) {
            return;
        }
        current = ep;
        endpoints.set(ep);
        phase.set(NetworkPhase.READY);
        monitor.start();
        if (ep.embedded()) {
            syncNow();
        }
    }

    private void failed(long run, Throwable e) {
        closeDemo();
        if (run != generation || phase.get() == NetworkPhase.FAILED) {
            return;
        }
        shownProblem = notices.sentence(e);
        problem.set(shownProblem);
        phase.set(NetworkPhase.FAILED);
        statusBar.showChain(ChainState.FAILED, say(config.get().mode() == NetworkMode.DEMO
                ? "network.status.demoFailed" : "network.status.failed"));
        notices.show(e);
    }

    /** Starts a sync of the current network into the open store, shown in the task panel. */
    public void syncNow() {
        NetworkEndpoints ep = endpoints.get();
        if (ep != null && phase.get() == NetworkPhase.READY && store.store() != null) {
            syncRunner.start(ep, store.store(), monitor::refreshFacts);
        }
    }

    public void stopSync() {
        syncRunner.stop();
    }

    private void stopNetwork() {
        syncRunner.stop();
        monitor.stop();
        current = null;
        endpoints.set(null);
        if (demoTask != null) {
            demoTask.cancel();
        }
        Devnet d = devnet.getAndSet(null);
        if (d != null) {
            // stopping the servers and anvil takes a moment; not on the FX thread
            Tasks.create(ctx -> {
                d.close();
                return null;
            }).run(executor);
        }
    }

    private void closeDemo() {
        Devnet d = devnet.getAndSet(null);
        if (d != null) {
            d.close();
        }
    }

    public ReadOnlyObjectProperty<NetworkConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** True while no network has been chosen yet: no network.json was found at start and none was applied since. */
    public ReadOnlyBooleanProperty firstRunProperty() {
        return firstRun.getReadOnlyProperty();
    }

    /** Null while no network is up. */
    public ReadOnlyObjectProperty<NetworkEndpoints> endpointsProperty() {
        return endpoints.getReadOnlyProperty();
    }

    /** The network that is up, or null; safe to call from any thread (verification reads it from its workers). */
    public NetworkEndpoints currentEndpoints() {
        return current;
    }

    public ReadOnlyObjectProperty<NetworkPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why the network could not start, as one sentence; "" when nothing went wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The demo start's current step. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncRunner.syncingProperty();
    }

    /** Keep following the head after catching up (when the sync engine can). */
    public BooleanProperty followProperty() {
        return syncRunner.followProperty();
    }

    public boolean canFollow() {
        return syncRunner.canFollow();
    }

    public NetworkMonitor monitor() {
        return monitor;
    }

    /** The running demo network, if any (tests, and the view's explanation). */
    public Devnet demo() {
        return devnet.get();
    }

    private String say(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }

    /** Stops probing and syncing and closes the demo network; call on the FX thread when the app stops. */
    @Override
    public void close() {
        closed = true;
        generation++;
        current = null;
        syncRunner.stop();
        monitor.shutdown();
        if (demoTask != null) {
            demoTask.cancel();
        }
        closeDemo();
    }
}

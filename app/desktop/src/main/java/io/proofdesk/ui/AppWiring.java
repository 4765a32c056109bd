package io.proofdesk.ui;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.ReportFolder;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.TaskHistory;
import io.proofdesk.ui.common.UiPreferencesStore;
import io.proofdesk.ui.common.UiSettings;
import io.proofdesk.ui.common.View;
import io.proofdesk.ui.common.ViewLoader;
import io.proofdesk.ui.inferences.ExplorerAccess;
import io.proofdesk.ui.inferences.InferenceDetailController;
import io.proofdesk.ui.inferences.InferenceDetailViewModel;
import io.proofdesk.ui.inferences.InferencesController;
import io.proofdesk.ui.inferences.InferencesViewModel;
import io.proofdesk.ui.models.ModelsController;
import io.proofdesk.ui.models.ModelsViewModel;
import io.proofdesk.ui.network.ChainNetworkSync;
import io.proofdesk.ui.network.CustomNetworkOffer;
import io.proofdesk.ui.network.DemoLauncher;
import io.proofdesk.ui.network.EndpointProber;
import io.proofdesk.ui.network.NetworkConfigStore;
import io.proofdesk.ui.network.NetworkController;
import io.proofdesk.ui.network.NetworkService;
import io.proofdesk.ui.network.NetworkSync;
import io.proofdesk.ui.network.NetworkEndpoints;
import io.proofdesk.ui.network.NetworkViewModel;
import io.proofdesk.ui.reports.DesktopDocumentOpener;
import io.proofdesk.ui.reports.DesktopReportFilePicker;
import io.proofdesk.ui.reports.DocumentOpener;
import io.proofdesk.ui.reports.ReportExportController;
import io.proofdesk.ui.reports.ReportExportViewModel;
import io.proofdesk.ui.reports.ReportExports;
import io.proofdesk.ui.reports.ReportFilePicker;
import io.proofdesk.ui.reports.ReportNetworks;
import io.proofdesk.ui.reports.ReportsController;
import io.proofdesk.ui.reports.ReportsViewModel;
import io.proofdesk.ui.settings.DesktopProfileFilePicker;
import io.proofdesk.ui.settings.NetworkSettingsController;
import io.proofdesk.ui.settings.NetworkSettingsViewModel;
import io.proofdesk.ui.settings.ProfileFilePicker;
import io.proofdesk.ui.settings.SettingsController;
import io.proofdesk.ui.settings.SettingsViewModel;
import io.proofdesk.ui.shell.MainController;
import io.proofdesk.ui.shell.MainViewModel;
import io.proofdesk.ui.shell.MainWindow;
import io.proofdesk.ui.shell.OpenTarget;
import io.proofdesk.ui.shell.StatusBarController;
import io.proofdesk.ui.shell.StatusBarViewModel;
import io.proofdesk.ui.shell.TaskPanelController;
import io.proofdesk.ui.shell.TaskNotifier;
import io.proofdesk.ui.shell.TaskPanelViewModel;
import io.proofdesk.ui.inferences.InferenceNavigation;
import io.proofdesk.verify.BatchVerification;
import io.proofdesk.ui.reports.ReportHandoff;
import io.proofdesk.ui.verify.NetworkVerificationEndpoints;
import io.proofdesk.ui.verify.ResponseCheckDialog;
import io.proofdesk.ui.verify.ResponseCheckEntry;
import io.proofdesk.ui.verify.ResponseCheckViewModel;
import io.proofdesk.ui.verify.VerificationDetailController;
import io.proofdesk.ui.verify.VerificationDetailViewModel;
import io.proofdesk.ui.verify.VerificationEndpoints;
import io.proofdesk.ui.verify.VerificationService;
import io.proofdesk.ui.verify.VerificationTasks;
import io.proofdesk.ui.verify.VerifyController;
import io.proofdesk.ui.verify.VerifyViewModel;

import java.io.IOException;
import java.time.Duration;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The composition root: builds every service and view-model once, and is the FXML controller factory, so each
 * controller gets its dependencies through its constructor. To add a view: write its controller and view-model,
 * then register the controller in {@link #registerControllers()}. One instance per app run (tests make their own).
 */
public final class AppWiring implements AutoCloseable {

    public static final String STRINGS = "io.proofdesk.ui.strings";
    /** Where exported reports go unless the user picks another folder. */
    public static final String REPORTS_FOLDER = "reports";

    private final DataDirectory dataDirectory;
    private final ResourceBundle strings;
    private final ErrorNotices notices;
    private final BackgroundExecutor background;
    private final BackgroundExecutor preferencesWriter;
    private final UiSettings settings;
    private final StoreEvents storeEvents;
    private final StoreAccess store;
    private final TaskPanelViewModel taskPanel;
    private final TaskNotifier taskNotifier;
    private final StatusBarViewModel statusBar;
    private final MainViewModel main;
    private final ViewLoader views;
    private final NetworkService network;
    private final VerificationService verificationService;
    private final VerificationTasks verification;
    private final InferenceNavigation navigation = new InferenceNavigation();
    private final ReportHandoff reportHandoff = new ReportHandoff();
    private final DocumentOpener documents = new DesktopDocumentOpener();
    private ReportFilePicker reportFiles = new DesktopReportFilePicker();
    private final CustomNetworkOffer networkOffers = new CustomNetworkOffer();
    private ProfileFilePicker profileFiles = new DesktopProfileFilePicker();
    private final ResponseCheckViewModel responseChecks;
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    /** @throws IOException if the data folder cannot be created or written (the message names it) */
    public AppWiring(DataDirectory dataDirectory) throws IOException {
        this(dataDirectory, null);
    }

    /** @param endpoints the network verification reads; null: the one the app is connected to (tests give their own) */
    public AppWiring(DataDirectory dataDirectory, VerificationEndpoints endpoints) throws IOException {
        this(dataDirectory, endpoints, DemoLauncher.EMBEDDED);
    }

    /** @param launcher starts the embedded demo network ({@link DemoLauncher#EMBEDDED}; tests give their own) */
    public AppWiring(DataDirectory dataDirectory, VerificationEndpoints endpoints, DemoLauncher launcher)
            throws IOException {
        dataDirectory.ensureExists();
        this.dataDirectory = dataDirectory;
        this.strings = ResourceBundle.getBundle(STRINGS);
        this.notices = new ErrorNotices(strings);
        this.background = new BackgroundExecutor("background", 4, notices::show, new TaskHistory(notices::sentence));
        this.preferencesWriter = new BackgroundExecutor("preferences", 1, notices::show);
        this.settings = new UiSettings(new UiPreferencesStore(dataDirectory.resolve(UiPreferencesStore.FILE_NAME)),
                preferencesWriter);
        this.storeEvents = new StoreEvents();
        this.store = new StoreAccess(dataDirectory, background, notices, storeEvents);
        this.taskPanel = new TaskPanelViewModel(background);
        this.taskNotifier = new TaskNotifier(taskPanel, strings);
        this.statusBar = new StatusBarViewModel(strings, taskPanel);
        this.main = new MainViewModel();
        this.views = new ViewLoader(strings, this::createController);
        this.network = new NetworkService(new NetworkConfigStore(dataDirectory.resolve(NetworkConfigStore.FILE_NAME)),
                dataDirectory, store, storeEvents, background, notices, statusBar, strings, launcher,
                networkSync(), new EndpointProber(strings, Duration.ofSeconds(3)));
        int workers = BatchVerification.defaultThreads(Runtime.getRuntime().availableProcessors());
        this.verificationService = new VerificationService(store::store, endpoints != null ? endpoints
                : new NetworkVerificationEndpoints(network::currentEndpoints),
                () -> ModelLimits.fromDataFolder(dataDirectory.path()), Clock.systemUTC(), workers);
        this.verification = new VerificationTasks(verificationService, background, storeEvents,
                strings, workers);
        this.responseChecks = new ResponseCheckViewModel(store, background, strings);
        registerControllers();
        // off the FX thread, so the window appears while SQLite opens and migrates
        store.openInBackground();
    }

    private void registerControllers() {
        register(MainController.class, () -> new MainController(main, settings, notices, views, strings));
        register(StatusBarController.class, () -> new StatusBarController(statusBar, taskPanel, strings));
        register(TaskPanelController.class, () -> new TaskPanelController(taskPanel, strings));
        register(NetworkController.class, () -> new NetworkController(
                new NetworkViewModel(network, settings, networkOffers, strings), main, strings));
        register(NetworkSettingsController.class, () -> new NetworkSettingsController(
                new NetworkSettingsViewModel(network, networkOffers, background, notices, strings), strings,
                () -> profileFiles));
        register(ModelsController.class, () -> new ModelsController(new ModelsViewModel(store, storeEvents), strings));
        register(InferencesController.class, () -> new InferencesController(
                new InferencesViewModel(store, storeEvents, notices, strings, navigation), verification, main,
                reportHandoff, ExplorerAccess.browsing(this::explorerUrl, documents, background), strings));
        register(InferenceDetailController.class, () -> new InferenceDetailController(
                new InferenceDetailViewModel(store, strings), strings));
        register(VerificationDetailController.class, () -> new VerificationDetailController(
                new VerificationDetailViewModel(store, verification, background, strings), strings));
        register(VerifyController.class, () -> new VerifyController(
                new VerifyViewModel(store, storeEvents, verification, strings), main, navigation, responseChecks,
                () -> reportFiles, strings));
        register(ReportsController.class, () -> new ReportsController(new ReportsViewModel(store, storeEvents,
                background, notices, documents, strings, new ReportFolder(dataDirectory.resolve(REPORTS_FOLDER)),
                dataDirectory.resolve(AuditorKey.PUBLIC_FILE)), strings, reportFiles));
        register(ReportExportController.class, () -> new ReportExportController(new ReportExportViewModel(
                new ReportExports(store::store, dataDirectory.path(), Clock.systemUTC(),
                        verificationService::reexecutor, strings), storeEvents, background,
                notices, () -> ReportNetworks.of(network.endpointsProperty().get()),
                dataDirectory.resolve(REPORTS_FOLDER), Clock.systemUTC(), strings, reportHandoff), strings));
        register(SettingsController.class, () -> new SettingsController(new SettingsViewModel(settings, strings,
                dataDirectory.path(), BuildInfo.current())));
    }

    /** The block explorer of the network the app reads from, for "open in explorer", read each time a row's menu opens. */
    private Optional<String> explorerUrl() {
        return Optional.ofNullable(network.endpointsProperty().get()).map(NetworkEndpoints::explorerUrl);
    }

    /** The sync engine behind the Network view's Sync now. */
    private static NetworkSync networkSync() {
        return new ChainNetworkSync();
    }

    private <C> void register(Class<C> type, Supplier<? extends C> factory) {
        if (controllers.putIfAbsent(type, factory) != null) {
            throw new IllegalStateException(type.getName() + " is registered twice in AppWiring");
        }
    }

    /** Replaces the system's file dialog of the Reports view (tests answer it themselves); before it is shown. */
    public void useReportFilePicker(ReportFilePicker picker) {
        this.reportFiles = picker;
    }

    /** Replaces the file dialogs of Settings → Network's profile files (tests answer them themselves). */
    public void useProfileFilePicker(ProfileFilePicker picker) {
        this.profileFiles = picker;
    }

    /** The FXML controller factory. */
    public Object createController(Class<?> type) {
        Supplier<?> factory = controllers.get(type);
        if (factory == null) {
            throw new IllegalStateException("no controller factory for " + type.getName()
                    + "; register it in AppWiring.registerControllers()");
        }
        return factory.get();
    }

    /** Shows what {@code --open} asked for: a section, or a record's detail in Inferences. Call on the FX thread. */
    public void open(OpenTarget target) {
        switch (target) {
            case OpenTarget.Section s -> main.open(s.view());
            case OpenTarget.RecordDetail r -> {
                navigation.open(r.id());
                main.open(View.INFERENCES);
            }
        }
    }

    /** As {@link #open(OpenTarget)}, from a hand-over's text; text that is not a target is logged and ignored. */
    public void open(String target) {
        try {
            open(OpenTarget.parse(target));
        } catch (IllegalArgumentException e) {
            System.getLogger(AppWiring.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
        }
    }

    public MainWindow mainWindow() {
        return new MainWindow(views, settings, taskNotifier, new ResponseCheckEntry(responseChecks,
                new ResponseCheckDialog(strings, responseChecks, () -> reportFiles)));
    }

    /** Checks of TEE gateway responses: what the Verify view's button and a file dropped on the window start. */
    public ResponseCheckViewModel responseChecks() {
        return responseChecks;
    }

    public ViewLoader views() {
        return views;
    }

    public ResourceBundle strings() {
        return strings;
    }

    public BackgroundExecutor background() {
        return background;
    }

    public UiSettings settings() {
        return settings;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public ErrorNotices notices() {
        return notices;
    }

    public MainViewModel main() {
        return main;
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** Features that change the store publish here (e.g. the sync: {@code new StoreEvent.InferencesStored(n)}). */
    public StoreEvents storeEvents() {
        return storeEvents;
    }

    /** The local store, opened in the background; views and features read and write through it. */
    public StoreAccess store() {
        return store;
    }

    /**
     * The network the app reads from (demo or custom endpoints). {@code network().start()} starts it; the app calls
     * it after the first frame, tests when they want a network.
     */
    public NetworkService network() {
        return network;
    }

    /**
     * Stops the network (sync, probes, the demo network), cancels running tasks, flushes preferences, then closes the
     * store; call on the FX thread when the app stops.
     */
    /** Verification runs (batches, re-executions) as tasks; the last run of this session. */
    public VerificationTasks verification() {
        return verification;
    }

    @Override
    public void close() {
        network.close();
        background.close();
        preferencesWriter.close();
        verificationService.close();
        store.close();
    }
}

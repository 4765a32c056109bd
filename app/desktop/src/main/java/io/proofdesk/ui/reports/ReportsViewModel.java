package io.proofdesk.ui.reports;

import io.proofdesk.domain.ReportEntry;
import io.proofdesk.report.ReportFolder;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import io.proofdesk.store.StoreException;
import io.proofdesk.store.VerdictCounts;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * State of the Reports view's list: the reports of the store's reports table and of the reports folder (newest
 * first, each marked on disk, changed, missing or unreadable), what the empty list should suggest given the store,
 * the last offline check (of a listed report or of any file the user picks, optionally against a chosen public key),
 * and a sentence when opening a file failed. Re-reads when the store changes, while shown.
 */
public final class ReportsViewModel {

    /** What the empty list suggests: sync first, verify first, or export. */
    public enum EmptyKind { NOTHING_SYNCED, NOTHING_VERIFIED, READY }

    private record Listing(List<ReportRow> rows, VerdictCounts counts) {
    }

    private final StoreAccess store;
    private final StoreEvents events;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final DocumentOpener opener;
    private final ResourceBundle strings;
    private final ReportFolder folder;
    private final Path ownKey;
    private final ObservableList<ReportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyObjectWrapper<EmptyKind> emptyKind = new ReadOnlyObjectWrapper<>(this, "emptyKind");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint", "");
    private final ReadOnlyObjectWrapper<CheckOutcome> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper checkTitle = new ReadOnlyStringWrapper(this, "checkTitle", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyObjectWrapper<Path> chosenKey = new ReadOnlyObjectWrapper<>(this, "chosenKey");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Subscription subscription = Subscription.EMPTY;
    private Path lastChecked;
    private long generation;

    /**
     * @param folder the reports folder, listed beside the store's reports table
     * @param ownKey this app's public key file, so a check can say "signed by you"
     */
    public ReportsViewModel(StoreAccess store, StoreEvents events, BackgroundExecutor executor, ErrorNotices notices,
                            DocumentOpener opener, ResourceBundle strings, ReportFolder folder, Path ownKey) {
        this.store = store;
        this.events = events;
        this.executor = executor;
        this.notices = notices;
        this.opener = opener;
        this.strings = strings;
        this.folder = folder;
        this.ownKey = ownKey;
    }

    public void activate() {
        subscription = events.subscribe(this::changed);
        reload();
    }

    public void deactivate() {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
        generation++;
    }

    /** A sync stores chunks of records many times a second; only the empty list's suggestion can depend on them. */
    private void changed(StoreEvent e) {
        boolean syncing = e instanceof StoreEvent.InferencesStored || e instanceof StoreEvent.ModelsStored;
        if (!syncing || (empty.get() && emptyKind.get() == EmptyKind.NOTHING_SYNCED)) {
            reload();
        }
    }

    public void reload() {
        long gen = ++generation;
        // the folder is listed, and each listed file looked at, on the background thread: disks can be slow
        Tasks.create(ctx -> listing())
                .onSuccess(l -> {
                    if (gen == generation) {
                        rows.setAll(l.rows());
                        empty.set(l.rows().isEmpty());
                        suggest(l.counts());
                    }
                })
                .onError(e -> notice.set(notices.sentence(e)))
                .run(executor);
    }

    private Listing listing() throws java.io.IOException {
        Store s = store.store();
        List<ReportEntry> stored = List.of();
        VerdictCounts counts = null;
        if (s != null) {
            try {
                stored = s.read(tx -> tx.reports().all());
                counts = s.read(tx -> tx.inferences().countByVerdict(InferenceQuery.all()));
            } catch (StoreException | IllegalStateException closing) {
                // the store is being replaced (the demo network restarts): its reload follows when it is open
            }
        }
        return new Listing(folder.list(stored).stream().map(ReportRow::of).toList(), counts);
    }

    private void suggest(VerdictCounts c) {
        if (c == null) {
            emptyKind.set(null);
            emptyHint.set(strings.getString("reports.empty.hint"));
            return;
        }
        long verified = c.total() - c.notChecked();
        EmptyKind kind = c.total() == 0 ? EmptyKind.NOTHING_SYNCED
                : verified == 0 ? EmptyKind.NOTHING_VERIFIED : EmptyKind.READY;
        emptyKind.set(kind);
        emptyHint.set(switch (kind) {
            case NOTHING_SYNCED -> strings.getString("reports.empty.hint.unsynced");
            case NOTHING_VERIFIED -> MessageFormat.format(strings.getString("reports.empty.hint.unverified"),
                    c.total());
            case READY -> MessageFormat.format(strings.getString("reports.empty.hint.verified"), verified,
                    folder.folder());
        });
    }

    /** Checks a listed report offline, as {@code proofdesk check-report} does, in the task panel. */
    public void check(ReportRow row) {
        if (row != null) {
            checkFile(row.path(), row.present());
        }
    }

    /** Checks any report file, e.g. one received from someone else (picked with a file chooser). */
    public void checkFile(Path file) {
        if (file != null) {
            checkFile(file, false);
        }
    }

    /**
     * Compares the signer of checked reports with this public key from now on, and checks the last file again
     * with it; null stops comparing.
     */
    public void compareWith(Path publicKey) {
        chosenKey.set(publicKey);
        if (lastChecked != null) {
            checkFile(lastChecked, false);
        }
    }

    private void checkFile(Path file, boolean listedAsPresent) {
        String name = String.valueOf(file.getFileName());
        lastChecked = file;
        checking.set(true);
        checkTitle.set(MessageFormat.format(strings.getString("reports.check.running"), name));
        check.set(null);
        CheckOutcome.Keys keys = new CheckOutcome.Keys(ownKey, chosenKey.get());
        Tasks.create(ctx -> {
                    ctx.progress(0, 0);
                    return CheckOutcome.check(file, keys, strings);
                })
                .titled(MessageFormat.format(strings.getString("reports.check.task"), name))
                .onSuccess(outcome -> {
                    checkTitle.set(MessageFormat.format(strings.getString("reports.check." + outcome.kind().name()),
                            name));
                    check.set(outcome);
                    if (outcome.kind() == CheckOutcome.Kind.MISSING && listedAsPresent) {
                        reload();
                    }
                })
                .onError(e -> checkTitle.set(MessageFormat.format(strings.getString("reports.check.failed"),
                        name, notices.sentence(e))))
                .onCancelled(() -> checkTitle.set(strings.getString("reports.check.cancelled")))
                .andFinally(() -> checking.set(false))
                .run(executor);
    }

    public void open(ReportRow row) {
        hand(row, false);
    }

    public void showInFolder(ReportRow row) {
        hand(row, true);
    }

    private void hand(ReportRow row, boolean inFolder) {
        if (row == null) {
            return;
        }
        notice.set("");
        Tasks.<Boolean>create(ctx -> {
                    if (!Files.isRegularFile(row.path())) {
                        return false;
                    }
                    if (inFolder) {
                        opener.showInFolder(row.path());
                    } else {
                        opener.open(row.path());
                    }
                    return true;
                })
                .onSuccess(found -> {
                    if (!found) {
                        notice.set(MessageFormat.format(strings.getString("reports.missing.notice"), row.path()));
                        reload();
                    }
                })
                .onError(e -> notice.set(notices.sentence(e)))
                .run(executor);
    }

    public void dismissNotice() {
        notice.set("");
    }

    public ObservableList<ReportRow> rows() {
        return rows;
    }

    /** The reports folder, where a file chooser for checking starts. */
    public Path folder() {
        return folder.folder();
    }

    /** True while no report is listed, so the list shows its empty state. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** What the empty list suggests, from the store's counts; null while the store cannot be read. */
    public ReadOnlyObjectProperty<EmptyKind> emptyKindProperty() {
        return emptyKind.getReadOnlyProperty();
    }

    /** The empty list's suggestion as a sentence. */
    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    /** The last check's outcome; null before the first check and while one runs. */
    public ReadOnlyObjectProperty<CheckOutcome> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** One sentence about the last check: running, valid, tampered, unreadable, missing, or why it failed. */
    public ReadOnlyStringProperty checkTitleProperty() {
        return checkTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The public key checks compare the signer with; null when none was chosen. */
    public ReadOnlyObjectProperty<Path> chosenKeyProperty() {
        return chosenKey.getReadOnlyProperty();
    }

    /** A sentence when a file could not be opened or shown; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

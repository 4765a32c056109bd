package io.proofdesk.ui.reports;

import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
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
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * State of the Reports view's list: the reports in the store (newest first, each marked if its file is gone), the
 * result of the last offline check, and a sentence when opening a file failed. Re-reads when the store changes,
 * while shown.
 */
public final class ReportsViewModel {

    private final StoreAccess store;
    private final StoreEvents events;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final DocumentOpener opener;
    private final ResourceBundle strings;
    private final ObservableList<ReportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyObjectWrapper<CheckOutcome> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyStringWrapper checkTitle = new ReadOnlyStringWrapper(this, "checkTitle", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Subscription subscription = Subscription.EMPTY;
    private long generation;

    public ReportsViewModel(StoreAccess store, StoreEvents events, BackgroundExecutor executor, ErrorNotices notices,
                            DocumentOpener opener, ResourceBundle strings) {
        this.store = store;
        this.events = events;
        this.executor = executor;
        this.notices = notices;
        this.opener = opener;
        this.strings = strings;
    }

    public void activate() {
        subscription = events.subscribe(e -> reload());
        reload();
    }

    public void deactivate() {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
        generation++;
    }

    public void reload() {
        long gen = ++generation;
        // whether each file is still there is asked on the background thread too: disks can be slow
        store.read(tx -> tx.reports().all().stream()
                .map(e -> new ReportRow(e, Files.isRegularFile(java.nio.file.Path.of(e.path())))).toList(), list -> {
                    if (gen == generation) {
                        rows.setAll(list);
                        empty.set(list.isEmpty());
                    }
                });
    }

    /** Checks the file offline, as {@code proofdesk check-report} does, in the task panel. */
    public void check(ReportRow row) {
        if (row == null) {
            return;
        }
        checking.set(true);
        checkTitle.set(MessageFormat.format(strings.getString("reports.check.running"), row.fileName()));
        check.set(null);
        Tasks.create(ctx -> {
                    ctx.progress(0, 0);
                    return CheckOutcome.check(row.path());
                })
                .titled(MessageFormat.format(strings.getString("reports.check.task"), row.fileName()))
                .onSuccess(outcome -> {
                    checkTitle.set(MessageFormat.format(strings.getString("reports.check." + outcome.kind().name()),
                            row.fileName()));
                    check.set(outcome);
                    if (outcome.kind() == CheckOutcome.Kind.MISSING && row.present()) {
                        reload();
                    }
                })
                .onError(e -> checkTitle.set(MessageFormat.format(strings.getString("reports.check.failed"),
                        row.fileName(), notices.sentence(e))))
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

    private void hand(ReportRow row, boolean folder) {
        if (row == null) {
            return;
        }
        notice.set("");
        Tasks.<Boolean>create(ctx -> {
                    if (!Files.isRegularFile(row.path())) {
                        return false;
                    }
                    if (folder) {
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

    /** True while the store lists no report, so the list shows its empty state. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
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

    /** A sentence when a file could not be opened or shown; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

package io.proofdesk.ui.verify;

import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.store.VerdictCounts;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.inferences.InferenceFormat;
import io.proofdesk.verify.BatchSummary;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.SortedMap;

/**
 * State of the Verify view: the last batch run of this session (its counts, failed checks, environment), the verdict
 * counts over the whole store, and the newest mismatches. Empty (the view shows its empty state) while the store has
 * no verdict and no run has finished. Listens to the store and to runs only while shown.
 */
public final class VerifyViewModel {

    private final StoreAccess store;
    private final StoreEvents events;
    private final VerificationTasks tasks;
    private final ResourceBundle strings;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper runLine = new ReadOnlyStringWrapper(this, "runLine", "");
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper(this, "runNote", "");
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper(this, "environment", "");
    private final ReadOnlyObjectWrapper<Map<VerdictKind, Long>> runCounts = new ReadOnlyObjectWrapper<>(this, "runCounts");
    private final ReadOnlyObjectWrapper<Map<VerdictKind, Long>> storeCounts =
            new ReadOnlyObjectWrapper<>(this, "storeCounts", Map.of());
    private final ObservableList<String> failedChecks = FXCollections.observableArrayList();
    private final ObservableList<MismatchRow> mismatches = FXCollections.observableArrayList();
    private final InvalidationListener runListener = o -> reload();
    private Subscription subscription = Subscription.EMPTY;
    private VerifyOverview overview;
    private long generation;

    public VerifyViewModel(StoreAccess store, StoreEvents events, VerificationTasks tasks, ResourceBundle strings) {
        this.store = store;
        this.events = events;
        this.tasks = tasks;
        this.strings = strings;
    }

    public void activate() {
        subscription = events.subscribe(e -> reload());
        tasks.lastRunProperty().addListener(runListener);
        reload();
    }

    public void deactivate() {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
        tasks.lastRunProperty().removeListener(runListener);
        generation++;
    }

    /** Re-reads the store's side; the run's side comes from the tasks. */
    public void reload() {
        long gen = ++generation;
        store.read(tx -> VerifyOverview.read(tx, strings), o -> {
            if (gen == generation) {
                overview = o;
                show();
            }
        });
        show();
    }

    private void show() {
        BatchRun run = tasks.lastRunProperty().get();
        if (run == null) {
            runLine.set(strings.getString("verify.run.none"));
            runNote.set("");
            runCounts.set(null);
        } else {
            BatchSummary s = run.summary();
            runLine.set(MessageFormat.format(strings.getString("verify.run.line"),
                    strings.getString("verify.scope." + run.request().scope().name()), s.selected(), s.verified(),
                    s.skipped(), s.failedToRun(), InferenceFormat.time(run.finishedAt())));
            runNote.set(runNote(run, strings));
            runCounts.set(counts(s));
        }
        SortedMap<String, Long> failed = run != null ? run.summary().failedChecks()
                : overview == null ? new java.util.TreeMap<>() : overview.failedChecks();
        failedChecks.setAll(failed.entrySet().stream().map(e -> MessageFormat.format(
                strings.getString("verify.failed.line"), CheckRow.checkLabel(e.getKey(), strings), e.getValue()))
                .toList());
        VerificationEnvironment env = run != null ? run.environment() : overview == null ? null : overview.environment();
        environment.set(env == null ? "" : VerdictSummary.environment(env, strings));
        if (overview != null) {
            storeCounts.set(counts(overview.counts()));
            mismatches.setAll(overview.mismatches());
        }
        empty.set(run == null && (overview == null || overview.nothingVerified()));
    }

    /**
     * Under the run's counts: whether it was cancelled, else the network; and how many records it skipped as already
     * verified here, with how to verify them anyway (a run that skipped everything otherwise reads as all zeros).
     */
    static String runNote(BatchRun run, ResourceBundle strings) {
        BatchSummary s = run.summary();
        String note = s.cancelled() ? strings.getString("verify.run.cancelled")
                : MessageFormat.format(strings.getString("verify.run.network"), run.network());
        return s.skipped() == 0 ? note : note + " " + MessageFormat.format(strings.getString("verify.run.skipped"),
                s.skipped(), s.selected());
    }

    static Map<VerdictKind, Long> counts(BatchSummary s) {
        Map<VerdictKind, Long> m = new EnumMap<>(VerdictKind.class);
        for (Verdict v : Verdict.values()) {
            m.put(VerdictKind.of(v), s.count(v));
        }
        m.put(VerdictKind.NOT_CHECKED, 0L);
        return m;
    }

    static Map<VerdictKind, Long> counts(VerdictCounts c) {
        Map<VerdictKind, Long> m = new EnumMap<>(VerdictKind.class);
        m.put(VerdictKind.VERIFIED, c.verified());
        m.put(VerdictKind.MISMATCH, c.mismatch());
        m.put(VerdictKind.UNVERIFIED, c.unverified());
        m.put(VerdictKind.ERROR, c.error());
        m.put(VerdictKind.NOT_CHECKED, c.notChecked());
        return m;
    }

    public void verifyAll() {
        tasks.runBatch(BatchRequest.all());
    }

    public void verifyNotChecked() {
        tasks.runBatch(BatchRequest.notChecked());
    }

    public void verify(BatchRequest request) {
        tasks.runBatch(request);
    }

    /** True while there is nothing to list, so the view shows its empty state. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return tasks.runningProperty();
    }

    public ReadOnlyStringProperty runLineProperty() {
        return runLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runNoteProperty() {
        return runNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentProperty() {
        return environment.getReadOnlyProperty();
    }

    /** The last run's verdict counts; null before the first run of this session. */
    public ReadOnlyObjectProperty<Map<VerdictKind, Long>> runCountsProperty() {
        return runCounts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<VerdictKind, Long>> storeCountsProperty() {
        return storeCounts.getReadOnlyProperty();
    }

    /** "Re-execution: 3" lines: the last run's, or among the listed mismatches before any run. */
    public ObservableList<String> failedChecks() {
        return failedChecks;
    }

    public ObservableList<MismatchRow> mismatches() {
        return mismatches;
    }

    public int threads() {
        return tasks.threads();
    }
}

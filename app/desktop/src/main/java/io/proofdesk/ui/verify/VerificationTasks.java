package io.proofdesk.ui.verify;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.inferences.InferenceFormat;
import io.proofdesk.verify.CancellationToken;
import io.proofdesk.verify.InferenceVerification;
import io.proofdesk.verify.RecordSelection;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Verification as tasks in the task panel (titled, with progress and cancel), shared by the Inferences, detail and
 * Verify views: runs batches and re-executions through {@link VerificationService}, then says so on the store
 * events bus (tables, charts and verdict colours refresh), keeps the last run for the Verify view, and announces
 * each batch's counts when it ends (a notification that asks for attention when it found mismatches). One per app.
 */
public final class VerificationTasks {

    private final VerificationService service;
    private final BackgroundExecutor executor;
    private final StoreEvents events;
    private final ResourceBundle strings;
    private final ReadOnlyObjectWrapper<BatchRun> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final int threads;

    public VerificationTasks(VerificationService service, BackgroundExecutor executor, StoreEvents events,
                             ResourceBundle strings, int threads) {
        this.service = service;
        this.executor = executor;
        this.events = events;
        this.strings = strings;
        this.threads = threads;
    }

    /** Starts a batch; its verdicts are saved as they are reached, also when the user cancels it. */
    public Task<BatchRun> runBatch(BatchRequest request) {
        running.set(true);
        return Tasks.create(ctx -> {
                    CancellationToken cancel = new CancellationToken();
                    ctx.progress(0, 0);
                    return service.runBatch(request, (done, total) -> {
                        ctx.progress(done, total);
                        ctx.message(MessageFormat.format(strings.getString("verify.task.progress"), done, total));
                        if (ctx.isCancelled()) {
                            cancel.cancel();
                        }
                    }, cancel);
                })
                .titled(title(request))
                .announce(run -> summary(run, strings))
                .attentionWhen(run -> run.summary().count(Verdict.MISMATCH) > 0)
                .onSuccess(run -> {
                    lastRun.set(run);
                    events.publish(new StoreEvent.VerdictsStored((int) Math.min(Integer.MAX_VALUE,
                            run.summary().verified())));
                })
                // what was verified before the cancel or the failure is saved; show it
                .onCancelled(() -> events.publish(new StoreEvent.VerdictsStored(0)))
                .andFinally(() -> running.set(false))
                .run(executor);
    }

    /** Verifies one record again on this machine with {@code tolerance} (null: from its claim) and saves it. */
    public Task<InferenceVerification> reexecute(RecordId id, Tolerance tolerance,
                                                 Consumer<InferenceVerification> onSuccess, Runnable andFinally) {
        return Tasks.create(ctx -> {
                    ctx.progress(0, 0);
                    return service.reexecute(id, tolerance);
                })
                .titled(MessageFormat.format(strings.getString("verify.task.reexecute"), InferenceFormat.shortId(id)))
                .onSuccess(v -> {
                    events.publish(new StoreEvent.VerdictsStored(1));
                    onSuccess.accept(v);
                })
                .andFinally(andFinally)
                .run(executor);
    }

    /** The counts a finished batch is announced with; the failed checks are named so the user knows where to look. */
    static String summary(BatchRun run, ResourceBundle strings) {
        var s = run.summary();
        String text = MessageFormat.format(strings.getString("verify.notify.text"), s.verified(),
                s.count(Verdict.VERIFIED), s.count(Verdict.MISMATCH), s.count(Verdict.UNVERIFIED), s.count(Verdict.ERROR));
        if (s.skipped() > 0) {
            text += " " + MessageFormat.format(strings.getString("verify.notify.skipped"), s.skipped());
        }
        if (!s.failedChecks().isEmpty()) {
            text += " " + MessageFormat.format(strings.getString("verify.notify.failed"), String.join(", ",
                    s.failedChecks().keySet().stream().map(c -> CheckRow.checkLabel(c, strings)).toList()));
        }
        return text;
    }

    String title(BatchRequest request) {
        String key = "verify.task." + request.scope().name();
        return switch (request.selection()) {
            case RecordSelection.Ids ids -> MessageFormat.format(strings.getString(key), ids.ids().size());
            case RecordSelection.Sample s -> MessageFormat.format(strings.getString(key), s.perGroup(),
                    strings.getString(s.by() == RecordSelection.SampleGroup.MODEL ? "verify.sample.byModel"
                            : "verify.sample.byNode").toLowerCase(java.util.Locale.ROOT));
            case RecordSelection.All all -> strings.getString(key);
        };
    }

    public VerificationService service() {
        return service;
    }

    /** The last batch that finished in this session; null before the first. */
    public ReadOnlyObjectProperty<BatchRun> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** True while a batch started here runs (buttons that start another are disabled). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public int threads() {
        return threads;
    }
}

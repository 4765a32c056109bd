package io.proofdesk.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.function.Function;

/**
 * The titled tasks that ended in this session, newest first, at most {@link #KEPT}: what the task panel's "Recent"
 * list shows and what end-of-task notifications listen to. Read and changed on the FX thread.
 */
public final class TaskHistory {

    public static final int KEPT = 50;

    private final ObservableList<TaskOutcome> recent = FXCollections.observableArrayList();
    private final ObservableList<TaskOutcome> recentView = FXCollections.unmodifiableObservableList(recent);
    private final Function<Throwable, String> describe;

    /** @param describe turns a failure into the sentence the history shows (the error banner's wording) */
    public TaskHistory(Function<Throwable, String> describe) {
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** A history that shows a failure's own message; for executors nobody shows. */
    public static TaskHistory plain() {
        return new TaskHistory(e -> e == null || e.getMessage() == null ? "" : e.getMessage());
    }

    public ObservableList<TaskOutcome> recent() {
        return recentView;
    }

    String describe(Throwable failure) {
        try {
            return describe.apply(failure);
        } catch (RuntimeException e) {
            return String.valueOf(failure);
        }
    }

    void add(TaskOutcome outcome) {
        recent.addFirst(Objects.requireNonNull(outcome, "outcome"));
        if (recent.size() > KEPT) {
            recent.remove(KEPT, recent.size());
        }
    }
}

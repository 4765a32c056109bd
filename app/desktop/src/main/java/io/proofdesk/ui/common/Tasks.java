package io.proofdesk.ui.common;

import javafx.concurrent.Task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one way the desktop runs work off the FX thread:
 * {@code Tasks.create(ctx -> work).titled("Syncing").onSuccess(..).onError(..).run(executor)}.
 * Callbacks run on the FX thread. A titled task appears in the task panel (progress + cancel) until it ends;
 * an untitled one runs quietly. Failures without an {@code onError} handler become a sentence in the error banner.
 */
public final class Tasks {

    /** The work itself; runs on a background thread and may throw anything. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    private Tasks() {
    }

    public static <T> Builder<T> create(Work<T> work) {
        return new Builder<>(work);
    }

    public static final class Builder<T> {
        private final Work<T> work;
        private String title;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<? super Throwable> onError;
        private Runnable onCancelled = () -> { };
        private Runnable andFinally = () -> { };

        private Builder(Work<T> work) {
            this.work = Objects.requireNonNull(work, "work");
        }

        /** Shows the task in the task panel under this title. */
        public Builder<T> titled(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Replaces the default (a sentence in the error banner). */
        public Builder<T> onError(Consumer<? super Throwable> handler) {
            this.onError = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public Builder<T> onCancelled(Runnable handler) {
            this.onCancelled = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Runs after success, failure or cancellation. */
        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Starts the work; the returned task can be observed or cancelled. */
        public Task<T> run(BackgroundExecutor executor) {
            WorkTask<T> task = new WorkTask<>(work, title);
            task.setOnSucceeded(e -> finish(() -> onSuccess.accept(task.getValue())));
            task.setOnCancelled(e -> finish(onCancelled));
            task.setOnFailed(e -> finish(() -> {
                Throwable failure = task.getException();
                executor.logFailure(title, failure);
                if (onError != null) {
                    onError.accept(failure);
                } else {
                    executor.reportFailure(failure);
                }
            }));
            executor.submit(task, title != null);
            return task;
        }

        private void finish(Runnable handler) {
            try {
                handler.run();
            } finally {
                andFinally.run();
            }
        }
    }

    private static final class WorkTask<T> extends Task<T> implements TaskContext {
        private final Work<T> work;

        WorkTask(Work<T> work, String title) {
            this.work = work;
            if (title != null) {
                updateTitle(title);
            }
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void progress(long done, long total) {
            if (total <= 0) {
                updateProgress(-1, -1);
            } else {
                updateProgress(done, total);
            }
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }
    }
}

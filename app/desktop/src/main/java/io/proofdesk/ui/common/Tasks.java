package io.proofdesk.ui.common;

import javafx.concurrent.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the desktop runs work off the FX thread:
 * {@code Tasks.create(ctx -> work).titled("Syncing").onSuccess(..).onError(..).run(executor)}.
 * Callbacks run on the FX thread. A titled task appears in the task panel (progress + cancel) until it ends, then
 * in the executor's {@link TaskHistory}; an untitled one runs quietly. An announced task
 * ({@link Builder#announce}) also raises a notification when it ends. Failures without an {@code onError} handler
 * become a sentence in the error banner.
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
        private Function<? super T, String> summary;
        private Predicate<? super T> attention = result -> false;

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

        /**
         * Notifies the user when the task ends (it must be titled): on success with {@code summary}'s sentence (the
         * counts the task reached), on failure with the failure's sentence.
         */
        public Builder<T> announce(Function<? super T, String> summary) {
            this.summary = Objects.requireNonNull(summary, "summary");
            return this;
        }

        /** Marks a successful end as one to look at (for example a verification that found mismatches). */
        public Builder<T> attentionWhen(Predicate<? super T> attention) {
            this.attention = Objects.requireNonNull(attention, "attention");
            return this;
        }

        /** Starts the work; the returned task can be observed or cancelled. */
        public Task<T> run(BackgroundExecutor executor) {
            WorkTask<T> task = new WorkTask<>(work, title);
            task.setOnSucceeded(e -> {
                T value = task.getValue();
                record(executor, task, TaskOutcome.Ending.DONE, () -> summary == null ? "" : summary.apply(value),
                        attention.test(value));
                finish(() -> onSuccess.accept(value));
            });
            task.setOnCancelled(e -> {
                record(executor, task, TaskOutcome.Ending.CANCELLED, () -> "", false);
                finish(onCancelled);
            });
            task.setOnFailed(e -> finish(() -> {
                Throwable failure = task.getException();
                record(executor, task, TaskOutcome.Ending.FAILED, () -> executor.history().describe(failure), true);
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

        /** Titled tasks only: quiet work (saving preferences, probes) stays out of the history. */
        private void record(BackgroundExecutor executor, WorkTask<T> task, TaskOutcome.Ending ending,
                            Supplier<String> text, boolean needsAttention) {
            if (title == null) {
                return;
            }
            String sentence;
            try {
                sentence = text.get();
            } catch (RuntimeException e) {
                // the history line is a courtesy; the task's own handlers still run
                executor.logFailure(title + " (summary)", e);
                sentence = "";
            }
            executor.history().add(new TaskOutcome(title, ending, Instant.now(), task.took(), sentence,
                    needsAttention, summary != null));
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
        // 0 until the work starts: a task cancelled while it waited took no time
        private volatile long startedNanos;

        WorkTask(Work<T> work, String title) {
            this.work = work;
            if (title != null) {
                updateTitle(title);
            }
        }

        @Override
        protected T call() throws Exception {
            startedNanos = System.nanoTime();
            return work.call(this);
        }

        Duration took() {
            long started = startedNanos;
            return started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
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

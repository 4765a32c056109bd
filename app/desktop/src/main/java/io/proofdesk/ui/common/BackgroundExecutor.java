package io.proofdesk.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A named pool of daemon threads for {@link Tasks}; logs what escapes, and keeps the list of titled tasks the
 * task panel shows. This class and {@link Tasks} are the only places that hop onto the FX thread.
 */
public final class BackgroundExecutor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundExecutor.class.getName());

    private final String name;
    private final ThreadPoolExecutor pool;
    private final Consumer<Throwable> failureSink;
    private final ObservableList<Task<?>> visible = FXCollections.observableArrayList();
    private final ObservableList<Task<?>> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final TaskHistory history;

    /**
     * @param name        thread-name prefix, shown in thread dumps and logs
     * @param threads     how many jobs run at once; the rest wait (and show as waiting)
     * @param failureSink receives failures of tasks that have no {@code onError} handler, on the FX thread
     */
    public BackgroundExecutor(String name, int threads, Consumer<Throwable> failureSink) {
        this(name, threads, failureSink, TaskHistory.plain());
    }

    /** @param history where titled tasks go when they end (the task panel's "Recent" list, notifications) */
    public BackgroundExecutor(String name, int threads, Consumer<Throwable> failureSink, TaskHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.failureSink = Objects.requireNonNull(failureSink, "failureSink");
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threadFactory(name));
        pool.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory threadFactory(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "proofdesk-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "uncaught error on " + t.getName(), e));
            return thread;
        };
    }

    /** Titled tasks that have not ended yet, in start order; read and observe on the FX thread. */
    public ObservableList<Task<?>> visibleTasks() {
        return visibleView;
    }

    /** Titled tasks that ended, newest first; read and observe on the FX thread. */
    public TaskHistory history() {
        return history;
    }

    public String name() {
        return name;
    }

    void submit(Task<?> task, boolean showInPanel) {
        if (showInPanel) {
            onFxThread(() -> track(task));
        }
        pool.execute(task);
    }

    private void track(Task<?> task) {
        if (isOver(task.getState())) {
            return;
        }
        visible.add(task);
        task.stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Worker.State> o,
                                Worker.State was, Worker.State now) {
                if (isOver(now)) {
                    task.stateProperty().removeListener(this);
                    visible.remove(task);
                }
            }
        });
    }

    private static boolean isOver(Worker.State state) {
        return state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED;
    }

    void logFailure(String title, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "background task '" + (title == null ? "(untitled)" : title)
                + "' on executor " + name + " failed", failure);
    }

    void reportFailure(Throwable failure) {
        failureSink.accept(failure);
    }

    /** Runs on the FX thread: now if already there, else later. Package-private: the one place that hops threads. */
    static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Cancels what is shown in the panel, lets queued quiet work (such as saving preferences) finish, then stops. */
    @Override
    public void close() {
        List.copyOf(visible).forEach(Task::cancel);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "executor " + name + " still busy after 5 s; interrupting");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.TaskOutcome;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The task panel: the executor's running titled tasks, the ones that ended (history), and whether the panel is open.
 * It opens only when asked (the status bar's tasks button, a click on a notification): work starting must not cover
 * the view the user is working in. The status bar shows the running work's progress instead.
 */
public final class TaskPanelViewModel {

    private final ObservableList<Task<?>> tasks;
    private final ObservableList<TaskOutcome> history;
    private final IntegerBinding runningCount;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);

    public TaskPanelViewModel(BackgroundExecutor executor) {
        this.tasks = executor.visibleTasks();
        this.history = executor.history().recent();
        this.runningCount = Bindings.size(tasks);
        tasks.addListener((InvalidationListener) o -> followFirstTask());
        followFirstTask();
    }

    /** The status bar follows the oldest running task (-1 while its amount of work is unknown). */
    private void followFirstTask() {
        progress.unbind();
        if (tasks.isEmpty()) {
            progress.set(0);
        } else {
            progress.bind(tasks.getFirst().progressProperty());
        }
    }

    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    /** Titled tasks that ended in this session, newest first. */
    public ObservableList<TaskOutcome> history() {
        return history;
    }

    public IntegerBinding runningCount() {
        return runningCount;
    }

    /** The first running task's progress from 0 to 1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public BooleanProperty openProperty() {
        return open;
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.BackgroundExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/** The task panel: the executor's titled tasks, and whether the panel is open (it opens when work starts). */
public final class TaskPanelViewModel {

    private final ObservableList<Task<?>> tasks;
    private final IntegerBinding runningCount;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);

    public TaskPanelViewModel(BackgroundExecutor executor) {
        this.tasks = executor.visibleTasks();
        this.runningCount = Bindings.size(tasks);
        tasks.addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    open.set(true);
                }
            }
        });
    }

    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    public IntegerBinding runningCount() {
        return runningCount;
    }

    public BooleanProperty openProperty() {
        return open;
    }
}

package io.proofdesk.ui.settings;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.common.Theme;
import io.proofdesk.ui.common.UiSettings;
import javafx.beans.property.ObjectProperty;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ResourceBundle;

/** Settings: theme, where data lives, what this build is, and a harmless task to try the task panel with. */
public final class SettingsViewModel {

    /** How long the test task runs: {@code steps} pauses of {@code step}. */
    public record TestTaskPlan(int steps, Duration step) {
        public static final TestTaskPlan DEFAULT = new TestTaskPlan(40, Duration.ofMillis(125));
    }

    private final UiSettings settings;
    private final BackgroundExecutor executor;
    private final ResourceBundle strings;
    private final Path dataDirectory;
    private final BuildInfo build;
    private final TestTaskPlan plan;

    public SettingsViewModel(UiSettings settings, BackgroundExecutor executor, ResourceBundle strings,
                             Path dataDirectory, BuildInfo build, TestTaskPlan plan) {
        this.settings = settings;
        this.executor = executor;
        this.strings = strings;
        this.dataDirectory = dataDirectory;
        this.build = build;
        this.plan = plan;
    }

    public ObjectProperty<Theme> themeProperty() {
        return settings.themeProperty();
    }

    public String dataDirectory() {
        return dataDirectory.toString();
    }

    public String versionText() {
        return MessageFormat.format(strings.getString("settings.about.version"), build.proofdeskVersion(),
                build.javaVersion(), System.getProperty("javafx.runtime.version", "?"), build.os());
    }

    /** Counts through the plan with progress; stops at the next step when cancelled from the panel. */
    public Task<Integer> runTestTask() {
        String stepText = strings.getString("settings.testTask.step");
        return Tasks.<Integer>create(context -> {
            for (int i = 1; i <= plan.steps(); i++) {
                context.checkCancelled();
                Thread.sleep(plan.step());
                context.progress(i, plan.steps());
                context.message(MessageFormat.format(stepText, i, plan.steps()));
            }
            return plan.steps();
        }).titled(strings.getString("settings.testTask.title")).run(executor);
    }
}

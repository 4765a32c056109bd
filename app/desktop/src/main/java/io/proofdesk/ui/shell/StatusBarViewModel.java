package io.proofdesk.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Chain, sync and background-work summary for the status bar. Features that connect or sync call
 * {@link #showChain} and {@link #showSync} (on the FX thread, e.g. from a {@code Tasks} callback).
 */
public final class StatusBarViewModel {

    private final ObjectProperty<ChainState> chain = new SimpleObjectProperty<>(this, "chain", ChainState.NOT_CONNECTED);
    private final StringProperty chainDetail = new SimpleStringProperty(this, "chainDetail", "");
    private final ObjectProperty<SyncState> sync = new SimpleObjectProperty<>(this, "sync", SyncState.IDLE);
    private final StringProperty syncDetail = new SimpleStringProperty(this, "syncDetail", "");
    private final StringBinding chainText;
    private final StringBinding syncText;
    private final StringBinding tasksText;

    public StatusBarViewModel(ResourceBundle strings, TaskPanelViewModel tasks) {
        chainText = Bindings.createStringBinding(() -> withDetail(strings.getString(chain.get().textKey()),
                chainDetail.get()), chain, chainDetail);
        syncText = Bindings.createStringBinding(() -> withDetail(strings.getString(sync.get().textKey()),
                syncDetail.get()), sync, syncDetail);
        tasksText = Bindings.createStringBinding(() -> MessageFormat.format(strings.getString("status.tasks"),
                tasks.runningCount().get()), tasks.runningCount());
    }

    private static String withDetail(String text, String detail) {
        return detail.isBlank() ? text : text + " · " + detail;
    }

    /** @param detail for example "chain 31337 · block 1,204", or "" */
    public void showChain(ChainState state, String detail) {
        chain.set(Objects.requireNonNull(state, "state"));
        chainDetail.set(Objects.requireNonNull(detail, "detail"));
    }

    public void showSync(SyncState state, String detail) {
        sync.set(Objects.requireNonNull(state, "state"));
        syncDetail.set(Objects.requireNonNull(detail, "detail"));
    }

    public ReadOnlyObjectProperty<ChainState> chainProperty() {
        return chain;
    }

    public ReadOnlyObjectProperty<SyncState> syncProperty() {
        return sync;
    }

    public StringBinding chainText() {
        return chainText;
    }

    public StringBinding syncText() {
        return syncText;
    }

    public StringBinding tasksText() {
        return tasksText;
    }
}

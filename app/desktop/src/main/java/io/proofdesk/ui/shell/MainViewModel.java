package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.View;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/** Which section the main window shows. */
public final class MainViewModel {

    private final ReadOnlyObjectWrapper<View> current = new ReadOnlyObjectWrapper<>(this, "current", View.NETWORK);

    public ReadOnlyObjectProperty<View> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public View current() {
        return current.get();
    }

    public void open(View view) {
        current.set(Objects.requireNonNull(view, "view"));
    }
}

package io.proofdesk.ui.shell;

import io.proofdesk.ui.common.View;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/** Which section the main window shows, and whether the Inferences search field was asked for (Ctrl+F). */
public final class MainViewModel {

    private final ReadOnlyObjectWrapper<View> current = new ReadOnlyObjectWrapper<>(this, "current", View.NETWORK);
    private final ReadOnlyBooleanWrapper searchRequested = new ReadOnlyBooleanWrapper(this, "searchRequested");

    public ReadOnlyObjectProperty<View> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public View current() {
        return current.get();
    }

    /** Opens a section; leaving for another than Inferences drops a search request it has not taken yet. */
    public void open(View view) {
        if (view != View.INFERENCES) {
            searchRequested.set(false);
        }
        current.set(Objects.requireNonNull(view, "view"));
    }

    /**
     * Shows the Inferences view with its search field focused. The request waits until that view takes it
     * ({@link #searchHandled}), as the view may not have been loaded yet.
     */
    public void requestSearch() {
        searchRequested.set(true);
        open(View.INFERENCES);
    }

    public void searchHandled() {
        searchRequested.set(false);
    }

    public ReadOnlyBooleanProperty searchRequestedProperty() {
        return searchRequested.getReadOnlyProperty();
    }
}

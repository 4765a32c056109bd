package io.proofdesk.ui.models;

import io.proofdesk.domain.ModelFile;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.models.RegistryEntries.ModelEntry;
import io.proofdesk.ui.models.RegistryEntries.VersionEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.util.List;
import java.util.Objects;

/**
 * State of the Models view: every model of the registry, the versions of the selected model and the files of the
 * selected version, with inference counts. Reads in the background, again whenever the store changes while shown.
 */
public final class ModelsViewModel {

    private final StoreAccess store;
    private final StoreEvents events;
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObservableList<VersionEntry> versions = FXCollections.observableArrayList();
    private final ObservableList<ModelFile> files = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final ObjectProperty<VersionEntry> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private Subscription subscription = Subscription.EMPTY;

    public ModelsViewModel(StoreAccess store, StoreEvents events) {
        this.store = store;
        this.events = events;
        selectedModel.addListener((o, was, now) -> {
            versions.setAll(now == null ? List.of() : now.versions());
            selectedVersion.set(versions.isEmpty() ? null : versions.getLast());
        });
        selectedVersion.addListener((o, was, now) -> files.setAll(now == null ? List.of() : now.files()));
    }

    public void activate() {
        subscription = events.subscribe(e -> refresh());
        refresh();
    }

    public void deactivate() {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
    }

    public void refresh() {
        store.read(RegistryEntries::read, this::apply);
    }

    private void apply(List<ModelEntry> read) {
        String keepModel = selectedModel.get() == null ? null : selectedModel.get().model().name();
        String keepVersion = selectedVersion.get() == null ? null : selectedVersion.get().version().version();
        models.setAll(read);
        empty.set(read.isEmpty());
        selectedModel.set(read.stream().filter(m -> m.model().name().equals(keepModel)).findFirst()
                .orElse(read.isEmpty() ? null : read.getFirst()));
        versions.stream().filter(v -> Objects.equals(v.version().version(), keepVersion)).findFirst()
                .ifPresent(selectedVersion::set);
    }

    public ObservableList<ModelEntry> models() {
        return models;
    }

    public ObservableList<VersionEntry> versions() {
        return versions;
    }

    public ObservableList<ModelFile> files() {
        return files;
    }

    public ObjectProperty<ModelEntry> selectedModelProperty() {
        return selectedModel;
    }

    public ObjectProperty<VersionEntry> selectedVersionProperty() {
        return selectedVersion;
    }

    /** True while the registry holds no models (or the store is not open), so the view shows its empty state. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}

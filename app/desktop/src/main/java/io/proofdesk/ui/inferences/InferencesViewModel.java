package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Transaction;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.reports.ExportSelection;
import io.proofdesk.ui.reports.ReportHandoff;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * State of the Inferences view: the filters, the rows of the current query (paged, see {@link InferenceRows}),
 * the count line, the two charts, and which record the detail shows. Every store read runs in the background;
 * a newer query makes older answers stale, and they are dropped. Listens to the store only while shown.
 */
public final class InferencesViewModel {

    /** The filter choices and the registry's names for what records call their model. */
    record Choices(List<String> models, List<String> tees, List<String> nodes, ModelNames names) {
    }

    private record Totals(long all, long shown) {
    }

    private final StoreAccess store;
    private final StoreEvents events;
    private final ErrorNotices notices;
    private final ResourceBundle strings;
    private final InferenceNavigation navigation;
    private final InferenceFilters filters = new InferenceFilters();
    private final ReadOnlyObjectWrapper<ObservableList<InferenceRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", FXCollections.emptyObservableList());
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper noMatchText = new ReadOnlyStringWrapper(this, "noMatchText", "");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyObjectWrapper<InferenceCharts> charts =
            new ReadOnlyObjectWrapper<>(this, "charts", InferenceCharts.empty());
    private final ReadOnlyObjectWrapper<ModelNames> names = new ReadOnlyObjectWrapper<>(this, "names", ModelNames.none());
    private final ReadOnlyObjectWrapper<RecordId> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final ObservableList<String> tees = FXCollections.observableArrayList();
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final InvalidationListener filterListener = o -> refresh();
    private final InvalidationListener modelListener = o -> updateVersions();
    private Subscription storeSubscription = Subscription.EMPTY;
    private Subscription navigationSubscription = Subscription.EMPTY;
    private long generation;
    private long shown;
    private boolean choicesWanted;

    public InferencesViewModel(StoreAccess store, StoreEvents events, ErrorNotices notices, ResourceBundle strings,
                               InferenceNavigation navigation) {
        this.navigation = navigation;
        this.store = store;
        this.events = events;
        this.notices = notices;
        this.strings = strings;
    }

    /** Starts listening and reads what to show; call when the view is shown. */
    public void activate() {
        filters.all().forEach(p -> p.addListener(filterListener));
        filters.modelProperty().addListener(modelListener);
        storeSubscription = events.subscribe(e -> refreshAll());
        refreshAll();
        // another view (or a launch) asked for a record's detail: before showing this one, or while it is shown
        navigationSubscription = navigation.pendingProperty().subscribe(id -> {
            if (id != null) {
                navigation.take().ifPresent(this::openRecord);
            }
        });
    }

    private void openRecord(RecordId id) {
        opened.set(null);
        opened.set(id);
    }

    /** Stops listening; call when the view is hidden. */
    public void deactivate() {
        filters.all().forEach(p -> p.removeListener(filterListener));
        filters.modelProperty().removeListener(modelListener);
        storeSubscription.unsubscribe();
        storeSubscription = Subscription.EMPTY;
        navigationSubscription.unsubscribe();
        navigationSubscription = Subscription.EMPTY;
        generation++; // answers still on their way are for a view nobody sees
    }

    void refreshAll() {
        choicesWanted = true;
        refresh();
    }

    private static Choices readChoices(Transaction tx) {
        List<ModelVersion> versions = new ArrayList<>();
        tx.models().all().forEach(m -> versions.addAll(tx.modelVersions().forModel(m.name())));
        return new Choices(tx.inferences().distinctModels(), tx.inferences().distinctTees(),
                tx.inferences().distinctNodes(), new ModelNames(versions));
    }

    private void applyChoices(Choices c) {
        names.set(c.names());
        models.setAll(c.models());
        tees.setAll(c.tees());
        nodes.setAll(c.nodes());
        updateVersions();
    }

    private void updateVersions() {
        versions.setAll(names.get().versionsOf(filters.modelProperty().get()));
        if (filters.versionProperty().get() != null && !versions.contains(filters.versionProperty().get())) {
            filters.versionProperty().set(null);
        }
    }

    /**
     * Re-reads the count, the rows and the charts for the current filters. The store has one reading connection,
     * so reads queue: the count first, then the visible page, and only then the slower charts and filter choices.
     */
    public void refresh() {
        long gen = ++generation;
        InferenceQuery q = filters.toQuery();
        noMatchText.set(q.idContains() == null ? strings.getString("inferences.table.noMatch")
                : MessageFormat.format(strings.getString("inferences.table.noMatch.search"),
                filters.searchProperty().get().strip()));
        store.read(tx -> new Totals(tx.inferences().count(InferenceQuery.all()), tx.inferences().count(q)), totals -> {
            if (gen != generation) {
                return;
            }
            showRows(q, totals, () -> {
                if (gen != generation) {
                    return;
                }
                store.read(tx -> InferenceCharts.compute(tx.inferences(), q), c -> {
                    if (gen == generation) {
                        charts.set(c);
                    }
                });
                if (choicesWanted) {
                    choicesWanted = false;
                    store.read(InferencesViewModel::readChoices, this::applyChoices);
                }
            });
        });
    }

    private void showRows(InferenceQuery q, Totals totals, Runnable afterFirstPage) {
        if (rows.get() instanceof InferenceRows old) {
            old.dispose();
        }
        rows.set(new InferenceRows(q, totals.shown(), (pq, done, failed) -> store.read(
                tx -> ListedInference.read(pq, tx), done, problem -> {
                    failed.accept(problem);
                    notices.show(problem);
                }), afterFirstPage));
        countText.set(MessageFormat.format(strings.getString("inferences.count"), totals.all(), totals.shown()));
        shown = totals.shown();
        empty.set(totals.all() == 0);
    }

    /**
     * What a report of this view covers: the selected records if any, else every record the current filters select
     * (read again when the report is written, so records stored meanwhile are in it).
     */
    public ReportHandoff.Offer reportOffer(List<RecordId> selected) {
        if (!selected.isEmpty()) {
            return new ReportHandoff.Offer(new ExportSelection.Ids(selected), MessageFormat.format(
                    strings.getString("inferences.report.selected"), selected.size()));
        }
        InferenceQuery q = filters.toQuery();
        String key = q.equals(InferenceQuery.all().sortedBy(q.sort())) ? "inferences.report.all"
                : "inferences.report.filtered";
        return new ReportHandoff.Offer(new ExportSelection.Matching(q), MessageFormat.format(strings.getString(key),
                shown));
    }

    /** Shows a row in the detail view (ignored while the row is still loading). */
    public void open(InferenceRow row) {
        if (row != null && !row.isLoading()) {
            opened.set(row.inference().id());
        }
    }

    public void closeDetail() {
        opened.set(null);
    }

    public InferenceFilters filters() {
        return filters;
    }

    public ReadOnlyObjectProperty<ObservableList<InferenceRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the table says when the filters select no record: the search text, if that is what found nothing. */
    public ReadOnlyStringProperty noMatchTextProperty() {
        return noMatchText.getReadOnlyProperty();
    }

    /** True while the store holds no inferences at all (or is not open), so the view shows its empty state. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InferenceCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelNames> namesProperty() {
        return names.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecordId> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> versions() {
        return versions;
    }

    public ObservableList<String> tees() {
        return tees;
    }

    public ObservableList<String> nodes() {
        return nodes;
    }

    /** True when no page or count is being read; tests wait on it. */
    public boolean isSettled() {
        return !(rows.get() instanceof InferenceRows r) || !r.isLoading();
    }

}

package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import javafx.collections.ObservableListBase;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The table's items for one query: a list as long as the query's result that holds only a few pages in memory.
 * Asking for a row that is not loaded returns a placeholder and starts loading its page in the background; when
 * the page arrives the rows are reported as updated and the table redraws them. A new query gets a new instance;
 * {@link #dispose} makes a replaced one ignore loads still under way.
 */
final class InferenceRows extends ObservableListBase<InferenceRow> {

    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 12;
    private static final int MAX_PENDING = 6;
    private static final int MAX_LOADS_AT_ONCE = 2;

    /** Runs a page query off the FX thread and calls back on the FX thread. */
    interface Loader {
        void load(PageQuery query, Consumer<List<ListedInference>> done, Consumer<Throwable> failed);
    }

    private final io.proofdesk.store.InferenceQuery query;
    private final PagedWindow<ListedInference> window;
    private final Loader loader;
    private int loading;
    private boolean disposed;
    private Runnable afterFirstPage;

    /**
     * @param afterFirstPage runs once, when the first page has arrived (at once for an empty result): slower reads
     *                       (charts) wait for it so they never hold the store while the table is blank
     */
    InferenceRows(io.proofdesk.store.InferenceQuery query, long total, Loader loader, Runnable afterFirstPage) {
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a table holds at most " + Integer.MAX_VALUE + " rows, not " + total);
        }
        this.query = query;
        this.window = new PagedWindow<>(total, PAGE_SIZE, MAX_PAGES, MAX_PENDING);
        this.loader = loader;
        this.afterFirstPage = afterFirstPage;
        if (total == 0) {
            firstPageDone();
        }
    }

    private void firstPageDone() {
        Runnable r = afterFirstPage;
        afterFirstPage = null;
        if (r != null) {
            r.run();
        }
    }

    @Override
    public InferenceRow get(int index) {
        ListedInference listed = window.get(index);
        if (listed == null) {
            pump();
            return new InferenceRow(index, null, List.of());
        }
        return new InferenceRow(index, listed.inference(), listed.failedChecks());
    }

    @Override
    public int size() {
        return (int) window.size();
    }

    io.proofdesk.store.InferenceQuery query() {
        return query;
    }

    int cachedPages() {
        return window.cachedPages();
    }

    boolean isLoading() {
        return window.isLoading();
    }

    void dispose() {
        disposed = true;
    }

    private void pump() {
        while (!disposed && loading < MAX_LOADS_AT_ONCE) {
            OptionalInt next = window.takeNext();
            if (next.isEmpty()) {
                return;
            }
            int page = next.getAsInt();
            long first = window.firstIndexOf(page);
            int length = window.lengthOf(page);
            PageQuery pq = new PageQuery(query, first, length, window.size(), inferenceAt(first - 1),
                    inferenceAt(first + length));
            loading++;
            loader.load(pq, rows -> arrived(page, rows), problem -> {
                loading--;
                window.failed(page);
                // the banner shows the sentence; retrying on every redraw would only repeat it
                disposed = true;
            });
        }
    }

    /** The record at {@code index} if its page is in memory (a neighbour to page from), else null. */
    private Inference inferenceAt(long index) {
        ListedInference listed = window.peek(index);
        return listed == null ? null : listed.inference();
    }

    private void arrived(int page, List<ListedInference> rows) {
        loading--;
        if (disposed) {
            return;
        }
        window.loaded(page, rows);
        long first = window.firstIndexOf(page);
        beginChange();
        for (int i = 0; i < window.lengthOf(page); i++) {
            nextUpdate((int) first + i);
        }
        endChange();
        pump();
        firstPageDone();
    }
}

package io.proofdesk.ui.inferences;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which rows of a very long list are in memory: pages of {@code pageSize} rows, at most {@code maxPages} of them
 * (least recently used goes first), and which pages the table asked for but does not have yet. Requests are served
 * newest first and only the newest {@code maxPending} are kept, so dragging the scroll bar across a million rows
 * loads the pages where it stops, not every page it passed. Not thread-safe: the FX thread owns it.
 */
final class PagedWindow<T> {

    private final long size;
    private final int pageSize;
    private final int maxPages;
    private final int maxPending;
    private final Map<Integer, List<T>> pages;
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private final Set<Integer> inFlight = new HashSet<>();

    PagedWindow(long size, int pageSize, int maxPages, int maxPending) {
        if (size < 0 || pageSize < 1 || maxPages < 1 || maxPending < 1) {
            throw new IllegalArgumentException("size " + size + ", page " + pageSize + ", pages " + maxPages
                    + ", pending " + maxPending);
        }
        this.size = size;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.maxPending = maxPending;
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
                return size() > PagedWindow.this.maxPages;
            }
        };
    }

    long size() {
        return size;
    }

    int pageSize() {
        return pageSize;
    }

    int pageOf(long index) {
        return (int) (index / pageSize);
    }

    long firstIndexOf(int page) {
        return (long) page * pageSize;
    }

    /** Rows the page holds: {@code pageSize}, less on the last page. */
    int lengthOf(int page) {
        return (int) Math.min(pageSize, size - firstIndexOf(page));
    }

    /** The row, or null if its page is not loaded yet; a miss records the page as wanted. */
    T get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        int page = pageOf(index);
        List<T> rows = pages.get(page);
        if (rows == null) {
            want(page);
            return null;
        }
        return at(rows, index - firstIndexOf(page));
    }

    private static <T> T at(List<T> rows, long offset) {
        // a short page means the store shrank since the count; those rows stay blank until the refresh
        return offset < rows.size() ? rows.get((int) offset) : null;
    }

    /** The row if loaded, without touching the LRU order or asking for it. */
    T peek(long index) {
        if (index < 0 || index >= size) {
            return null;
        }
        List<T> rows = pages.get(pageOf(index));
        return rows == null ? null : at(rows, index - firstIndexOf(pageOf(index)));
    }

    private void want(int page) {
        if (inFlight.contains(page)) {
            return;
        }
        wanted.remove(page);
        wanted.addFirst(page);
        while (wanted.size() > maxPending) {
            wanted.removeLast();
        }
    }

    /** The page to load next (newest request first), now counted as in flight; empty when nothing is wanted. */
    OptionalInt takeNext() {
        Integer page = wanted.pollFirst();
        if (page == null) {
            return OptionalInt.empty();
        }
        inFlight.add(page);
        return OptionalInt.of(page);
    }

    boolean isLoading() {
        return !inFlight.isEmpty();
    }

    void loaded(int page, List<T> rows) {
        inFlight.remove(page);
        pages.put(page, List.copyOf(rows.size() > lengthOf(page) ? rows.subList(0, lengthOf(page)) : rows));
    }

    void failed(int page) {
        inFlight.remove(page);
    }

    int cachedPages() {
        return pages.size();
    }
}

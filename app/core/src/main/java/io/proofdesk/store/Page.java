package io.proofdesk.store;

import java.util.List;

/** One page of rows and the key to pass for the next one (null when this was the last page). */
public record Page<T>(List<T> items, PageKey next) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return next != null;
    }
}

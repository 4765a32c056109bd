package io.proofdesk.ui.inferences;

import io.proofdesk.domain.Inference;
import io.proofdesk.store.InferenceDao;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.PageKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads rows {@code offset .. offset+length-1} of a query the cheapest way the store allows. Keyset paging from a
 * neighbouring row when one is in memory (scrolling), otherwise an offset counted from the nearer end of the
 * result, in reversed order if that end is the last row, so jumping to row 999,900 of a million costs a hundred
 * rows of offset rather than a million.
 */
record PageQuery(InferenceQuery query, long offset, int length, long total, Inference before, Inference after) {

    PageQuery {
        if (offset < 0 || length < 1 || offset + length > total) {
            throw new IllegalArgumentException("rows " + offset + "+" + length + " of " + total);
        }
    }

    /** Which way {@link #run} goes; visible for tests of the choice. */
    enum Strategy { AFTER_PREVIOUS_ROW, BEFORE_NEXT_ROW, OFFSET_FROM_START, OFFSET_FROM_END }

    Strategy strategy() {
        if (before != null) {
            return Strategy.AFTER_PREVIOUS_ROW;
        }
        if (after != null) {
            return Strategy.BEFORE_NEXT_ROW;
        }
        return offset + length / 2 <= total / 2 ? Strategy.OFFSET_FROM_START : Strategy.OFFSET_FROM_END;
    }

    List<Inference> run(InferenceDao dao) {
        InferenceQuery reversed = query.sortedBy(reverse(query.sort()));
        return switch (strategy()) {
            case AFTER_PREVIOUS_ROW -> dao.page(query, PageKey.after(before), length).items();
            case BEFORE_NEXT_ROW -> reversedList(dao.page(reversed, PageKey.after(after), length).items());
            case OFFSET_FROM_START -> dao.pageAt(query, offset, length);
            case OFFSET_FROM_END -> reversedList(dao.pageAt(reversed, total - offset - length, length));
        };
    }

    static InferenceSort reverse(InferenceSort sort) {
        return switch (sort) {
            case BLOCK_ASC -> InferenceSort.BLOCK_DESC;
            case BLOCK_DESC -> InferenceSort.BLOCK_ASC;
            case TIME_ASC -> InferenceSort.TIME_DESC;
            case TIME_DESC -> InferenceSort.TIME_ASC;
        };
    }

    private static List<Inference> reversedList(List<Inference> rows) {
        List<Inference> copy = new ArrayList<>(rows);
        Collections.reverse(copy);
        return copy;
    }
}

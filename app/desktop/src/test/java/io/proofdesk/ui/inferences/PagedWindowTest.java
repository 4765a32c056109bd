package io.proofdesk.ui.inferences;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagedWindowTest {

    private static List<Long> rows(long from, int n) {
        return IntStream.range(0, n).mapToObj(i -> from + i).toList();
    }

    @Test
    void aMissAsksForThePageOnceAndAHitReturnsTheRow() {
        PagedWindow<Long> w = new PagedWindow<>(1_000_000, 200, 4, 3);
        assertNull(w.get(450));
        assertNull(w.get(420)); // same page: asked for once
        assertEquals(OptionalInt.of(2), w.takeNext());
        assertEquals(OptionalInt.empty(), w.takeNext());
        assertNull(w.get(401)); // in flight: not asked again
        assertEquals(OptionalInt.empty(), w.takeNext());
        w.loaded(2, rows(400, 200));
        assertEquals(450L, w.get(450));
        assertEquals(599L, w.get(599));
        assertFalse(w.isLoading());
    }

    @Test
    void newestRequestsFirstAndOldOnesDropped() {
        PagedWindow<Long> w = new PagedWindow<>(1_000_000, 100, 4, 3);
        for (int page : new int[] {1, 2, 3, 4, 5}) {
            w.get(page * 100L);
        }
        assertEquals(OptionalInt.of(5), w.takeNext());
        assertEquals(OptionalInt.of(4), w.takeNext());
        assertEquals(OptionalInt.of(3), w.takeNext());
        assertEquals(OptionalInt.empty(), w.takeNext(), "pages passed over while scrolling are never loaded");
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedPages() {
        PagedWindow<Long> w = new PagedWindow<>(10_000, 100, 3, 10);
        for (int page = 0; page < 3; page++) {
            w.loaded(page, rows(page * 100L, 100));
        }
        w.get(0); // page 0 is now the most recently used
        w.loaded(3, rows(300, 100));
        assertEquals(3, w.cachedPages());
        assertEquals(0L, w.peek(0));
        assertNull(w.peek(100), "page 1 was the least recently used");
        assertEquals(350L, w.peek(350));
    }

    @Test
    void theLastPageIsShortAndIndexesAreChecked() {
        PagedWindow<Long> w = new PagedWindow<>(1_050, 200, 4, 4);
        assertEquals(50, w.lengthOf(5));
        assertEquals(200, w.lengthOf(4));
        assertThrows(IndexOutOfBoundsException.class, () -> w.get(1_050));
        assertThrows(IndexOutOfBoundsException.class, () -> w.get(-1));
        assertNull(w.peek(1_050));
    }

    @Test
    void aShortAnswerLeavesTheMissingRowsBlankWithoutAskingAgain() {
        PagedWindow<Long> w = new PagedWindow<>(1_000, 100, 4, 4);
        w.get(0);
        w.takeNext();
        w.loaded(0, rows(0, 60)); // the store lost rows since the count; a refresh follows
        assertEquals(59L, w.get(59));
        assertNull(w.get(60));
        assertEquals(OptionalInt.empty(), w.takeNext());
    }

    @Test
    void aFailedPageCanBeAskedForAgain() {
        PagedWindow<Long> w = new PagedWindow<>(1_000, 100, 4, 4);
        w.get(0);
        w.takeNext();
        assertTrue(w.isLoading());
        w.failed(0);
        assertFalse(w.isLoading());
        w.get(0);
        assertEquals(OptionalInt.of(0), w.takeNext());
    }
}

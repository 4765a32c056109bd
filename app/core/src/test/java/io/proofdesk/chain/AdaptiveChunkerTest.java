package io.proofdesk.chain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveChunkerTest {

    @Test
    @DisplayName("spans grow while calls are cheap, up to the ceiling, and never pass the head")
    void grows() {
        AdaptiveChunker c = new AdaptiveChunker(100, 1, 1000, 2000);
        BlockRange r = c.next(0, 1_000_000);
        assertEquals(new BlockRange(0, 99), r);
        for (int i = 0; i < 10; i++) {
            c.succeeded(c.next(0, 1_000_000), 10);
        }
        assertEquals(1000, c.span());
        assertEquals(new BlockRange(5, 20), c.next(5, 20));
    }

    @Test
    @DisplayName("refusals halve the span down to the floor, then report that it cannot shrink")
    void shrinks() {
        AdaptiveChunker c = new AdaptiveChunker(8, 2, 64, 2000);
        assertTrue(c.refused());
        assertEquals(4, c.span());
        assertTrue(c.refused());
        assertEquals(2, c.span());
        assertFalse(c.refused());
    }

    @Test
    @DisplayName("a crowded range halves the span")
    void crowded() {
        AdaptiveChunker c = new AdaptiveChunker(64, 1, 64, 100);
        c.succeeded(c.next(0, 1000), 5000);
        assertEquals(32, c.span());
    }

    @Test
    @DisplayName("nonsense spans are refused")
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveChunker(0, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new BlockRange(5, 4));
    }

    @Test
    @DisplayName("a range with far more logs than the target is cut to its leading whole blocks holding about the target")
    void fitsACrowdedRange() {
        AdaptiveChunker c = new AdaptiveChunker(100, 1, 1000, 4);
        java.util.List<Long> blocks = java.util.List.of(10L, 10L, 11L, 13L, 13L, 13L, 20L, 21L, 22L);
        BlockRange fitted = c.fit(new BlockRange(0, 99), blocks);
        assertEquals(new BlockRange(0, 12), fitted, "blocks 10 and 11 (3 logs); block 13 would pass 4");
        assertEquals(13, c.span());
        assertEquals(new BlockRange(0, 99), c.fit(new BlockRange(0, 99), java.util.List.of(1L, 2L, 3L)), "few logs: as is");
        AdaptiveChunker one = new AdaptiveChunker(100, 1, 1000, 2);
        assertEquals(new BlockRange(5, 7), one.fit(new BlockRange(5, 50), java.util.List.of(7L, 7L, 7L, 7L, 7L, 8L)),
                "a first block over the target alone is kept whole");
    }
}

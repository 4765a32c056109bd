package io.proofdesk.verify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentAnswersTest {

    /** Weighs an answer by its length; answers starting with "down" are failures to ask and are not kept. */
    private static RecentAnswers<String, String> answers(long budget) {
        return new RecentAnswers<>(budget, String::length, v -> !v.startsWith("down"));
    }

    @Test
    @DisplayName("16 threads asking at once for one key: computed once, every thread gets that answer")
    void oneComputationForConcurrentAskers() throws Exception {
        RecentAnswers<String, String> cache = answers(1_000);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                got.add(pool.submit(() -> cache.get("tx", () -> {
                    computed.incrementAndGet();
                    await(release);
                    return "receipt";
                })));
            }
            Thread.sleep(100);  // let the askers pile up behind the first
            release.countDown();
            for (Future<String> f : got) {
                assertEquals("receipt", f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, computed.get());
    }

    @Test
    @DisplayName("an answer keep rejects is handed out but not kept: the next asker computes again")
    void failuresAreNotKept() {
        RecentAnswers<String, String> cache = answers(1_000);
        assertEquals("down: connection refused", cache.get("tx", () -> "down: connection refused"));
        assertEquals(0, cache.size());
        assertEquals("receipt", cache.get("tx", () -> "receipt"));
        assertEquals("receipt", cache.get("tx", () -> "never asked"));
    }

    @Test
    @DisplayName("past the budget the least recently used answers go first; one heavier than the budget is not kept")
    void budgetEvictsLeastRecentlyUsed() {
        RecentAnswers<String, String> cache = answers(10);
        cache.get("a", () -> "aaaa");
        cache.get("b", () -> "bbbb");
        cache.get("a", () -> "recomputed");  // a is now the most recently used
        cache.get("c", () -> "cccc");        // 12 > 10: b goes
        assertEquals(8, cache.weightHeld());
        assertEquals("aaaa", cache.get("a", () -> "recomputed"));
        assertEquals("cccc", cache.get("c", () -> "recomputed"));
        assertEquals("b again", cache.get("b", () -> "b again"));
        assertEquals("x".repeat(11), cache.get("big", () -> "x".repeat(11)));
        assertEquals("fetched again", cache.get("big", () -> "fetched again"));
        assertTrue(cache.weightHeld() <= 10, "held " + cache.weightHeld());
    }

    @Test
    @DisplayName("computeAbsent asks only for keys neither held nor in flight, all in one call, and waits for none")
    void computeAbsentAsksOnlyForWhatIsMissing() throws Exception {
        RecentAnswers<String, String> cache = answers(1_000);
        cache.get("held", () -> "h");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> inFlight = pool.submit(() -> cache.get("flying", () -> {
                started.countDown();
                await(release);
                return "f";
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            List<List<String>> calls = new ArrayList<>();
            Function<List<String>, Map<String, String>> batch = keys -> {
                calls.add(keys);
                return Map.of("x", "x1", "y", "down: timeout");
            };
            cache.computeAbsent(List.of("held", "flying", "x", "y"), batch);  // returns although "flying" is not done
            assertEquals(List.of(List.of("x", "y")), calls);
            assertEquals("x1", cache.peek("x").orElseThrow());
            assertFalse(cache.peek("y").isPresent(), "a failed answer is not kept");
            assertFalse(cache.peek("flying").isPresent(), "peek never waits");
            release.countDown();
            assertEquals("f", inFlight.get(10, TimeUnit.SECONDS));
            assertEquals("f", cache.peek("flying").orElseThrow());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a computation that throws leaves nothing behind")
    void throwingComputationIsForgotten() {
        RecentAnswers<String, String> cache = answers(1_000);
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(0, cache.size());
        assertEquals("v", cache.get("k", () -> "v"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

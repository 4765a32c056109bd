package io.proofdesk.verify;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch's verdict writer against a real SQLite store. */
class VerdictWriterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    Store store;
    final List<RecordId> stored = new ArrayList<>();

    @BeforeEach
    void seed() {
        store = Store.open(dir.resolve("p.db"), dir.resolve("p.lock"), Clock.systemUTC());
        List<Inference> records = new ArrayList<>();
        for (int i = 0; i < 2 * VerdictWriter.MAX_GROUP + 100; i++) {
            RecordId id = RecordId.of(String.format("0x%064x", i + 1), 0);
            stored.add(id);
            records.add(new Inference(id, InferenceMode.VANILLA, "QmModel", null, null, null, SettlementKind.ONCHAIN,
                    i + 1, T0.plusSeconds(i), null, null, null, null, null, null, List.of(), List.of(), List.of(), null));
        }
        store.inTransaction(tx -> {
            tx.saveInferences(records);
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static VerdictRecord verdict(RecordId id) {
        return new VerdictRecord(id, Verdict.VERIFIED, null, T0, null, List.of());
    }

    @Test
    @DisplayName("close() saves every verdict handed over, more than one group's worth, each once")
    void savesEverything() throws InterruptedException {
        List<VerdictRecord> saved = new CopyOnWriteArrayList<>();
        VerdictWriter writer = new VerdictWriter(store, saved::add, v -> { });
        for (RecordId id : stored) {
            writer.submit(verdict(id));
        }
        writer.close();
        assertEachStoredRecordSavedOnce(saved);
    }

    /** Every stored record's verdict was reported saved, and the store holds exactly one verdict for each. */
    private void assertEachStoredRecordSavedOnce(List<VerdictRecord> saved) {
        assertEquals(stored.size(), saved.size());
        for (RecordId id : stored) {
            assertEquals(1, store.read(tx -> tx.verdictHistory(id)).size(), id.toString());
        }
    }

    @Test
    @DisplayName("a verdict the store refuses is reported; the others of its group are still saved")
    void oneRefusedVerdictDoesNotLoseItsGroup() throws InterruptedException {
        List<VerdictRecord> saved = new CopyOnWriteArrayList<>();
        List<VerdictRecord> refused = new CopyOnWriteArrayList<>();
        VerdictWriter writer = new VerdictWriter(store, saved::add, refused::add);
        RecordId unknown = RecordId.of("0x" + "f".repeat(64), 0);  // no such inference: the store refuses it
        writer.submit(verdict(stored.get(0)));
        writer.submit(verdict(unknown));
        writer.submit(verdict(stored.get(1)));
        writer.close();
        assertEquals(List.of(unknown), refused.stream().map(VerdictRecord::inferenceId).toList());
        assertEquals(2, saved.size());
        assertTrue(store.read(tx -> tx.latestVerdict(stored.get(0))).isPresent());
        assertTrue(store.read(tx -> tx.latestVerdict(stored.get(1))).isPresent());
    }

    @Test
    @DisplayName("two threads submitting at once save every verdict once, on their own threads (the writer has none)")
    void savesOnTheSubmittingThreads() throws Exception {
        List<VerdictRecord> saved = new CopyOnWriteArrayList<>();
        java.util.Set<String> savingThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int threadsBefore = Thread.activeCount();
        VerdictWriter writer = new VerdictWriter(store, v -> {
            saved.add(v);
            savingThreads.add(Thread.currentThread().getName());
        }, v -> { });
        assertEquals(threadsBefore, Thread.activeCount(), "a writer starts no thread");
        int half = stored.size() / 2;
        Thread a = new Thread(() -> stored.subList(0, half).forEach(id -> writer.submit(verdict(id))), "submitter-a");
        Thread b = new Thread(() -> stored.subList(half, stored.size()).forEach(id -> writer.submit(verdict(id))),
                "submitter-b");
        a.start();
        b.start();
        a.join();
        b.join();
        writer.close();
        assertEachStoredRecordSavedOnce(saved);
        assertEquals(stored.size(), saved.stream().map(VerdictRecord::inferenceId).distinct().count());
        assertTrue(savingThreads.stream().anyMatch(n -> n.startsWith("submitter-")), savingThreads.toString());
    }

    @Test
    @DisplayName("a few verdicts wait for their group; flushIfStale leaves them to the workers for a window, then saves them")
    void staleVerdictsAreSavedByAWaitingThread() throws Exception {
        List<VerdictRecord> saved = new CopyOnWriteArrayList<>();
        VerdictWriter writer = new VerdictWriter(store, saved::add, v -> { });
        long start = System.nanoTime();
        for (RecordId id : stored.subList(0, 3)) {
            writer.submit(verdict(id));
        }
        writer.flushIfStale();
        assertNotStaleYet(start, saved, "neither a full group nor the window old");
        Thread.sleep(VerdictWriter.GROUP_WINDOW_MS + 20);
        writer.flushIfStale();
        // due for the workers (the next submit saves it), but not yet the waiting caller's to save
        assertNotStaleYet(start, saved, "due one window ago; a worker submitting now would save it");
        Thread.sleep(VerdictWriter.GROUP_WINDOW_MS);
        writer.flushIfStale();
        assertEquals(3, saved.size());
        assertTrue(store.read(tx -> tx.latestVerdict(stored.get(2))).isPresent());
        writer.close();
        assertEquals(3, saved.size(), "nothing saved twice");
    }

    @Test
    @DisplayName("flushIfIdle saves a group that is not due yet at once, unless another thread is saving")
    void idleWorkerSavesTheWaitingGroup() throws Exception {
        List<VerdictRecord> saved = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch inSave = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holdSaving = new java.util.concurrent.atomic.AtomicBoolean();
        VerdictWriter writer = new VerdictWriter(store, v -> {
            saved.add(v);
            if (holdSaving.get() && v.inferenceId().equals(stored.get(0))) {
                inSave.countDown();
                awaitQuietly(release);
            }
        }, v -> { });
        writer.submit(verdict(stored.get(0)));
        writer.flushIfIdle();
        assertEquals(1, saved.size(), "saved at once, long before the window");
        // while another thread holds the saving turn, flushIfIdle neither waits nor saves
        writer.submit(verdict(stored.get(1)));
        Thread other = new Thread(writer::close);
        saved.clear();
        holdSaving.set(true);
        writer.submit(verdict(stored.get(0)));
        other.start();
        inSave.await();
        writer.submit(verdict(stored.get(2)));
        long before = System.nanoTime();
        writer.flushIfIdle();
        assertTrue(System.nanoTime() - before < java.util.concurrent.TimeUnit.SECONDS.toNanos(1), "did not wait");
        assertEquals(2, saved.size(), "only the group the other thread is saving");
        release.countDown();
        other.join();
        writer.close();
        assertEquals(3, saved.size());
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asserts nothing was saved, if the flush just before came within the stale age (a slow machine may not). */
    private static void assertNotStaleYet(long start, List<VerdictRecord> saved, String why) {
        long staleAfter = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
                VerdictWriter.STALE_AFTER_WINDOWS * VerdictWriter.GROUP_WINDOW_MS);
        if (System.nanoTime() - start < staleAfter) {
            assertEquals(0, saved.size(), why);
        }
    }
}

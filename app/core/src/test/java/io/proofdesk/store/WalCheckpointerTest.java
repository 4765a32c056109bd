package io.proofdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed pages reach the database file through the store's own checkpoint thread, not inside the committing
 * transaction: the writer's automatic checkpoint only starts at {@link SqliteConnections#WRITER_AUTOCHECKPOINT_PAGES},
 * so without that thread the pages written here would stay in the log.
 */
class WalCheckpointerTest {

    private static final int BLOB_BYTES = 1024 * 1024;
    private static final int BLOBS = 12;  // ~3,000 pages: past SQLite's default mark, below the writer's

    @TempDir
    Path dir;

    @Test
    @DisplayName("a commit's pages are copied into the database file in the background, and close stops the thread")
    void checkpointsInTheBackground() throws Exception {
        Path file = dir.resolve("p.db");
        assertTrue(BLOBS * BLOB_BYTES / 4096 < SqliteConnections.WRITER_AUTOCHECKPOINT_PAGES);
        Random r = new Random(1);
        try (Store store = Store.open(file, dir.resolve("p.lock"), Clock.systemUTC())) {
            long before = Files.size(file);
            store.inTransaction(tx -> {
                for (int i = 0; i < BLOBS; i++) {
                    byte[] data = new byte[BLOB_BYTES];
                    r.nextBytes(data);
                    tx.blobs().put("blob-" + i, Bytes.of(data), Instant.EPOCH);
                }
            });
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.size(file) < before + (long) BLOBS * BLOB_BYTES && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.size(file) >= before + (long) BLOBS * BLOB_BYTES,
                    "database file " + Files.size(file) + " bytes: the log was not checkpointed");
            assertTrue(checkpointThreadAlive());
            assertEquals((long) BLOBS, (long) store.read(tx -> java.util.stream.IntStream.range(0, BLOBS)
                    .filter(i -> tx.blobs().find("blob-" + i).isPresent()).count()));
        }
        assertFalse(checkpointThreadAlive(), "close() stops the checkpoint thread");
    }

    private static boolean checkpointThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("proofdesk-store-checkpoint"));
    }
}

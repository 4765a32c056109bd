package io.proofdesk.store;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store whose pages were overwritten is found when it is opened (writing or read-only) or when SQLite meets the
 * damage, is refused with a sentence saying how to recover, and is left exactly as it was: same bytes, and no
 * {@code -wal} or {@code -shm} file beside it.
 */
class StoreCorruptionTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve(Store.DATABASE_FILE);
    }

    /** A closed store of {@code n} records with tensors, as sync leaves it. */
    private List<RecordId> seed(int n) {
        List<Inference> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Fixtures.anInference(i).withTensors().build());
        }
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> {
                tx.saveInferences(records);
            });
        }
        return records.stream().map(Inference::id).toList();
    }

    /** Every file of the folder with the SHA-256 of its bytes. */
    private Map<String, String> folder() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private int rootPage(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db() + "?mode=ro&immutable=1");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
            assertTrue(rs.next(), table);
            return rs.getInt(1);
        }
    }

    /**
     * Overwrites pages with random bytes, as another program would (the file's time changes) or as silent disk
     * damage would ({@code keepTime}: size and time as Proofdesk left them).
     */
    private void overwritePages(boolean keepTime, int... pages) throws Exception {
        byte[] file = Files.readAllBytes(db());
        Random random = new Random(18);
        for (int page : pages) {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            System.arraycopy(garbage, 0, file, (page - 1) * 4096, 4096);
        }
        FileTime modified = Files.getLastModifiedTime(db());
        Files.write(db(), file);
        if (keepTime) {
            Files.setLastModifiedTime(db(), modified);
        } else {
            Files.setLastModifiedTime(db(), FileTime.fromMillis(modified.toMillis() + 2000));
        }
    }

    @Test
    @DisplayName("two overwritten pages: a writing and a read-only open refuse the store, saying how to recover, "
            + "and leave the folder byte-identical")
    void overwrittenPagesAreFoundAtOpen() throws Exception {
        seed(300);
        assertTrue(Files.exists(StoreCheckMark.fileFor(db())), "a clean close marks the file");
        int pages = (int) (Files.size(db()) / 4096);
        overwritePages(false, pages / 2, pages - 3);
        Map<String, String> before = folder();

        StoreCorruptException writing = assertThrows(StoreCorruptException.class,
                () -> Store.open(new DataDirectory(dir)));
        assertTrue(writing.getMessage().contains("SQLite's integrity check found: "), writing.getMessage());
        assertTrue(writing.getMessage().contains("move it (with any proofdesk.db-wal and -shm beside it) out of the "
                + "folder and run proofdesk sync to rebuild the store"), writing.getMessage());
        assertEquals(before, folder(), "nothing changed or created beside the store");

        StoreCorruptException reading = assertThrows(StoreCorruptException.class,
                () -> Store.openReadOnly(new DataDirectory(dir)));
        assertTrue(reading.reason().startsWith("SQLite's integrity check found: "), reading.reason());
        assertEquals(before, folder());
    }

    @Test
    @DisplayName("damage the open check does not look at (file as Proofdesk left it) is SQLITE_CORRUPT in use: that unit "
            + "of work and every later one are refused, and the store's mark is removed")
    void corruptionMetDuringUseIsRefused() throws Exception {
        List<RecordId> ids = seed(300);
        assertTrue(Files.exists(StoreCheckMark.fileFor(db())), "a clean close marks the file");
        // same size and time: only silent damage (a disk error) looks like this; the open's short check passes
        overwritePages(true, rootPage("tensors"));
        byte[] damaged = Files.readAllBytes(db());
        try (Store store = Store.open(new DataDirectory(dir))) {
            assertEquals(Fixtures.anInference(0).build().id(), store.read(tx -> tx.inferences().find(ids.getFirst()))
                    .orElseThrow().id(), "the records table is intact");
            StoreCorruptException e = assertThrows(StoreCorruptException.class,
                    () -> store.read(tx -> tx.loadInference(ids.get(7))));
            assertTrue(e.reason().startsWith("SQLite reports corruption: "), e.reason());
            StoreCorruptException later = assertThrows(StoreCorruptException.class,
                    () -> store.inTransaction(tx -> tx.meta().put("k", "v")));
            assertTrue(later.reason().startsWith("SQLite reported corruption earlier: "), later.reason());
        }
        assertFalse(Files.exists(StoreCheckMark.fileFor(db())), "the mark no longer vouches for the file");
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(db())), "the refused write changed nothing");
        assertFalse(Files.exists(dir.resolve("proofdesk.db-wal")) || Files.exists(dir.resolve("proofdesk.db-shm")));
        assertThrows(StoreCorruptException.class, () -> Store.open(new DataDirectory(dir)),
                "without the mark, the next open runs the full check and refuses it");
    }

    @Test
    @DisplayName("a file as Proofdesk left it opens with the short check; a file changed since (size or time) gets "
            + "the full check")
    void theMarkDecidesTheCheck() throws Exception {
        seed(50);
        assertFalse(StoreFileCheck.check(db(), Migrations.bundled().latestVersion()).fullCheck());
        Files.setLastModifiedTime(db(), FileTime.fromMillis(Files.getLastModifiedTime(db()).toMillis() - 60_000));
        assertTrue(StoreFileCheck.check(db(), Migrations.bundled().latestVersion()).fullCheck());
    }

    @Test
    @DisplayName("a read-only open creates nothing: no folder for a missing store, no lock, -wal or -shm for one")
    void readOnlyOpenWritesNothing() throws Exception {
        Path missing = dir.resolve("none");
        assertTrue(Store.openReadOnly(new DataDirectory(missing)).isEmpty());
        assertFalse(Files.exists(missing));
        List<RecordId> ids = seed(20);
        Files.delete(dir.resolve(Store.LOCK_FILE));
        Map<String, String> before = folder();
        try (Store store = Store.openReadOnly(new DataDirectory(dir)).orElseThrow()) {
            assertTrue(store.isReadOnly());
            assertEquals(20L, (long) store.<Long, RuntimeException>read(tx -> tx.inferences().count(InferenceQuery.all())));
            assertTrue(store.read(tx -> tx.loadInference(ids.get(3))).orElseThrow().inputs().size() == 1);
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> tx.meta().put("k", "v")));
            assertEquals(before, folder(), "while open");
        }
        assertEquals(before, folder(), "after close");
    }

    @Test
    @DisplayName("beside a writer of the same store, a read-only open reads what the writer committed")
    void readOnlyBesideAWriter() {
        seed(5);
        try (Store writer = Store.open(new DataDirectory(dir))) {
            writer.inTransaction(tx -> {
                tx.saveInferences(List.of(Fixtures.anInference(99).build()));
            });
            try (Store reader = Store.openReadOnly(new DataDirectory(dir)).orElseThrow()) {
                assertEquals(6L, (long) reader.<Long, RuntimeException>read(tx -> tx.inferences().count(InferenceQuery.all())));
            }
        }
    }
}

package io.proofdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listing commands read the store without writing; a damaged store is refused by every command, untouched. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    private Path seeded(int n) {
        Path data = dir.resolve("data");
        List<Inference> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new Inference(RecordId.of(String.format("0x%064x", 0xbeef00L + i), 0), InferenceMode.VANILLA,
                    "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "1.00", null, null, SettlementKind.ONCHAIN, 10 + i,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), null, null, null, null, null, null, List.of(),
                    List.of(Tensor.ofFloats("x", new long[] {1, 4}, new float[] {i, 1, 2, 3})),
                    List.of(Tensor.ofFloats("y", new long[] {1, 2}, new float[] {0.25f, 0.75f})), null));
        }
        try (Store store = Store.open(new DataDirectory(data))) {
            store.inTransaction(tx -> {
                tx.models().upsert(new Model("credit", null, "a model", null, 1L));
                tx.saveInferences(records);
            });
        }
        return data;
    }

    private static Map<String, String> folder(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    @Test
    @DisplayName("a store with two overwritten pages: inferences, models and sync exit 3 saying how to recover; the "
            + "store is byte-identical and no -wal/-shm appears")
    void damagedStoreIsRefusedUntouched() throws Exception {
        Path data = seeded(400);
        Path db = data.resolve(Store.DATABASE_FILE);
        byte[] file = Files.readAllBytes(db);
        Random random = new Random(2);
        int pages = file.length / 4096;
        for (int page : new int[] {pages / 3, 2 * pages / 3}) {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            System.arraycopy(garbage, 0, file, (page - 1) * 4096, 4096);
        }
        Files.write(db, file);
        Map<String, String> before = folder(data);
        for (String[] args : List.of(new String[] {"inferences", "--json"}, new String[] {"models"},
                new String[] {"sync", "--rpc", "http://127.0.0.1:1", "--contracts",
                        "registry=0x" + "11".repeat(20) + ",relay=0x" + "22".repeat(20) + ",inference=0x" + "33".repeat(20)})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data-dir", data.toString()));
            CliTestRun run = CliTestRun.of(all.toArray(String[]::new));
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), args[0] + ": " + run.out() + run.err());
            assertEquals("", run.out(), args[0] + " printed nothing of the store");
            assertTrue(run.err().contains("is not a usable Proofdesk database (SQLite's integrity check found: "),
                    run.err());
            assertTrue(run.err().contains("run proofdesk sync to rebuild the store from the chain"), run.err());
            Map<String, String> after = folder(data);
            if (args[0].equals("sync")) {
                // a writer takes the lock (writing its pid into proofdesk.lock) before it may look at the file
                after.remove(Store.LOCK_FILE);
                before.remove(Store.LOCK_FILE);
            }
            assertEquals(before, after, args[0] + " left the folder as it was");
        }
    }

    @Test
    @DisplayName("inferences and models list a store in a read-only folder (chmod 555) without creating any file")
    void listingsWorkOnAReadOnlyFolder() throws Exception {
        Path data = seeded(12);
        Map<String, String> before = folder(data);
        Files.setPosixFilePermissions(data.resolve(Store.DATABASE_FILE), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean enforced = !canCreateIn(data);
            if (!enforced) {
                System.out.println("StoreCommandsTest: running as root, so the read-only folder does not stop writes; "
                        + "the test shows the listings write nothing by checking that no file appears or changes");
            }
            CliTestRun inferences = CliTestRun.of("inferences", "--json", "--data-dir", data.toString());
            assertEquals(ExitCode.VERIFIED, inferences.exitCode(), inferences.err());
            assertEquals(12, new ObjectMapper().readTree(inferences.out()).size(), inferences.out());
            CliTestRun models = CliTestRun.of("models", "--json", "--data-dir", data.toString());
            assertEquals(ExitCode.VERIFIED, models.exitCode(), models.err());
            assertEquals("credit", new ObjectMapper().readTree(models.out()).get(0).get("name").asText());
            assertEquals(before, folder(data), "no file created or changed (enforced permissions: " + enforced + ")");
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        CliTestRun none = CliTestRun.of("inferences", "--json", "--data-dir", dir.resolve("empty").toString());
        assertEquals(ExitCode.VERIFIED, none.exitCode(), none.err());
        assertEquals("[]", none.out().strip());
        assertTrue(Files.notExists(dir.resolve("empty")), "listing a folder with no store creates nothing");
    }

    private static boolean canCreateIn(Path folder) {
        Path probe = folder.resolve(".write-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

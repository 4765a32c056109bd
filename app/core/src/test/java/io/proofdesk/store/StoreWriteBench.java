package io.proofdesk.store;

import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SyncCheckpoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A measurement, not a test (run by hand, never by surefire): replays the records of a synced demo store through the
 * sync's store writes ({@code ChainSync.Run.write}: blobs, inferences with tensors, sync notes, block hashes, the
 * checkpoint of each contract, the endpoints' probes, one transaction per chunk) and prints each chunk's wall and
 * writer-thread CPU milliseconds.
 *
 * <pre>
 * proofdesk devnet --state-dir S --data-dir D &amp;   then   proofdesk sync --devnet S --data-dir SRC
 * java -cp app/core/target/classes:app/core/target/test-classes:app/cli/target/lib/* \
 *     io.proofdesk.store.StoreWriteBench SRC/proofdesk.db WORK [runs] [baseRows]
 * </pre>
 * Scenario "fresh": 4 chunks of 500 records into a new store, as a first sync writes them. Scenario "100k": the
 * same 4 chunks, re-keyed, into a copy of a store already holding {@code baseRows} (default 100,000) rows made of
 * re-keyed copies of the demo records (built once into WORK/base and reused).
 */
public final class StoreWriteBench {

    private static final int CHUNK = 500;
    private static final int CHUNKS = 4;
    private static final List<String> ADDRESSES = List.of("0x" + "1".repeat(40), "0x" + "2".repeat(40),
            "0x" + "3".repeat(40));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Source(List<Inference> records, Map<String, Bytes> blobs, Map<RecordId, String> notes) {
    }

    /** {@code expectedRows}: this chunk's and the later ones' records, what the sync estimates from the range. */
    private record Chunk(List<Inference> records, Map<String, Bytes> blobs, Map<RecordId, String> notes,
                         List<BlockRef> blocks, long lastBlock, long expectedRows) {
    }

    private StoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int baseRows = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Files.createDirectories(work);
        Source demo = load(source, work);
        System.out.printf(Locale.ROOT, "source: %d records, %d blobs, %d notes%n", demo.records().size(),
                demo.blobs().size(), demo.notes().size());
        // warm the JIT on the write path before anything is timed
        for (int i = 0; i < 3; i++) {
            fresh(demo, work.resolve("warm"), false);
        }
        phases();
        for (int r = 1; r <= runs; r++) {
            System.out.println("fresh run " + r + ": " + fresh(demo, work.resolve("fresh"), true));
        }
        Path base = work.resolve("base").resolve(Store.DATABASE_FILE);
        if (!Files.exists(base)) {
            buildBase(demo, base, baseRows);
        }
        int copies = baseRows / demo.records().size();
        for (int r = 1; r <= runs; r++) {
            Path dir = work.resolve("big");
            deleteTree(dir);
            Files.createDirectories(dir);
            Files.copy(base, dir.resolve(Store.DATABASE_FILE), StandardCopyOption.REPLACE_EXISTING);
            System.out.println(baseRows + " run " + r + ": " + writeChunks(demo, dir, copies + 1, true));
        }
    }

    private static String fresh(Source demo, Path dir, boolean print) throws IOException {
        deleteTree(dir);
        return writeChunks(demo, dir, 0, print);
    }

    /** Writes 4 chunks of 500 records (copy {@code copy} of the demo's) into the store in {@code dir}. */
    private static String writeChunks(Source demo, Path dir, int copy, boolean print) throws IOException {
        Files.createDirectories(dir);
        List<Chunk> chunks = chunks(demo, copy);
        StringBuilder line = new StringBuilder();
        double wallSum = 0;
        double cpuSum = 0;
        try (Store store = Store.open(dir.resolve(Store.DATABASE_FILE), dir.resolve(Store.LOCK_FILE),
                Clock.systemUTC())) {
            experiment(store);
            for (Chunk c : chunks) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int stored = write(store, c);
                double wall = (System.nanoTime() - t0) / 1e6;
                double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
                if (stored != c.records().size()) {
                    throw new IllegalStateException("stored " + stored + " of " + c.records().size());
                }
                wallSum += wall;
                cpuSum += cpu;
                line.append(String.format(Locale.ROOT, "%6.1f/%5.1f ", wall, cpu));
            }
        }
        return String.format(Locale.ROOT, "chunks wall/cpu ms: %s| total %.1f/%.1f", line, wallSum, cpuSum) + phases();
    }

    /** -Dbench.sql="stmt;stmt": run before the chunks, for trying a schema change by hand. */
    private static void experiment(Store store) {
        String sql = System.getProperty("bench.sql");
        if (sql == null || sql.isBlank()) {
            return;
        }
        store.inTransaction(tx -> {
            for (String s : sql.split(";")) {
                try (var st = tx.meta().c.createStatement()) {
                    st.execute(s);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(s, e);
                }
            }
        });
    }

    private static int write(Store store, Chunk c) {
        Instant now = Instant.now();
        return store.inTransactionGet(tx -> {
            long t = THREADS.getCurrentThreadCpuTime();
            tx.blobs().putAll(c.blobs(), now);
            t = phase(0, t);
            List<Inference> inserted = tx.inferences().insertAll(c.records());
            t = phase(1, t);
            tx.tensors().insertFor(inserted);
            t = phase(2, t);
            int stored = inserted.size();
            tx.syncNotes().insertAll(c.notes());
            tx.unknownEvents().insertAll(List.of());
            c.blocks().forEach(tx.blockHashes()::put);
            tx.blockHashes().keepLast(256);
            for (String a : ADDRESSES) {
                tx.checkpoints().put(new SyncCheckpoint(a, c.lastBlock(), hash(c.lastBlock(), 0), now));
            }
            tx.endpoints().recordProbe(io.proofdesk.domain.EndpointKind.RPC, "http://127.0.0.1:8545", 3L, null, now);
            tx.endpoints().recordProbe(io.proofdesk.domain.EndpointKind.BLOB_STORE, "http://127.0.0.1:8546", 2L, null,
                    now);
            phase(3, t);
            return stored;
        });
    }

    /** CPU ms per phase of the chunk writes since the last report: blobs, inference rows, tensors, the rest. */
    private static final double[] PHASES = new double[4];

    private static long phase(int i, long since) {
        long now = THREADS.getCurrentThreadCpuTime();
        PHASES[i] += (now - since) / 1e6;
        return now;
    }

    private static String phases() {
        String s = String.format(Locale.ROOT, " [blobs %.1f, rows %.1f, tensors %.1f, rest %.1f]", PHASES[0],
                PHASES[1], PHASES[2], PHASES[3]);
        java.util.Arrays.fill(PHASES, 0);
        return s;
    }

    private static List<Chunk> chunks(Source demo, int copy) {
        List<Chunk> out = new ArrayList<>();
        List<Inference> all = demo.records();
        for (int k = 0; k < CHUNKS; k++) {
            List<Inference> records = new ArrayList<>();
            Map<String, Bytes> blobs = new LinkedHashMap<>();
            Map<RecordId, String> notes = new LinkedHashMap<>();
            TreeSet<Long> blocks = new TreeSet<>();
            for (Inference i : all.subList(k * CHUNK, Math.min(all.size(), (k + 1) * CHUNK))) {
                Inference r = rekey(i, copy);
                records.add(r);
                if (i.blobId() != null && demo.blobs().containsKey(i.blobId())) {
                    blobs.put(r.blobId(), demo.blobs().get(i.blobId()));
                }
                String note = demo.notes().get(i.id());
                if (note != null) {
                    notes.put(r.id(), note);
                }
                blocks.add(r.blockNumber());
            }
            List<BlockRef> refs = blocks.stream().map(b -> new BlockRef(b, hash(b, 0), hash(b - 1, 0),
                    Instant.ofEpochSecond(1_700_000_000L + b))).toList();
            out.add(new Chunk(records, blobs, notes, refs, blocks.last(), (long) CHUNK * (CHUNKS - k)));
        }
        return out;
    }

    /** Copy {@code copy} of a demo record: another tx hash and blob id, later blocks and times; 0 is the record. */
    private static Inference rekey(Inference i, int copy) {
        if (copy == 0) {
            return i;
        }
        String tx = "0x" + String.format(Locale.ROOT, "%08x", copy) + i.id().txHash().substring(10);
        RecordId id = i.id().isBatchLeaf() ? RecordId.leaf(tx, i.id().logIndex(), i.id().leafIndex())
                : RecordId.of(tx, i.id().logIndex());
        long block = i.blockNumber() + 100L * copy;
        return new Inference(id, i.mode(), i.model(), i.modelVersion(), i.teeId(), i.nodeUrl(), i.settlement(), block,
                i.timestamp().plusSeconds(3_600L * copy), i.ethAddress(), i.inputHash(), i.outputHash(), i.signature(),
                i.blobId() == null ? null : i.blobId() + "-" + copy, i.merkleRoot(), i.merkleProof(), i.inputs(),
                i.outputs(), null, i.evidence());
    }

    private static void buildBase(Source demo, Path base, int rows) throws IOException {
        Files.createDirectories(base.getParent());
        long t0 = System.nanoTime();
        int copies = rows / demo.records().size();
        try (Store store = Store.open(base, base.resolveSibling(Store.LOCK_FILE), Clock.systemUTC())) {
            for (int copy = 1; copy <= copies; copy++) {
                for (Chunk c : chunks(demo, copy)) {
                    write(store, c);
                }
            }
        }
        // the base is copied as one file: fold the log into it
        System.out.printf(Locale.ROOT, "built a %d-row base store in %.1f s%n", copies * demo.records().size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Every record of a synced store in chain order, with its tensors, blob and sync note. */
    private static Source load(Path file, Path work) throws IOException {
        // a copy, opened for writing: a source synced by an older build is migrated, the original left as it is
        Path dir = work.resolve("source");
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(Store.DATABASE_FILE));
        try (Store store = Store.open(new DataDirectory(dir))) {
            return store.read(tx -> {
                List<Inference> records = new ArrayList<>();
                Map<String, Bytes> blobs = new LinkedHashMap<>();
                Map<RecordId, String> notes = new LinkedHashMap<>();
                InferenceQuery q = InferenceQuery.all().sortedBy(InferenceSort.BLOCK_ASC);
                PageKey after = null;
                do {
                    Page<Inference> page = tx.inferences().page(q, after, 1_000);
                    for (Inference i : page.items()) {
                        TensorDao.InputsAndOutputs io = tx.tensors().load(i.id());
                        records.add(i.withTensors(io.inputs(), io.outputs()));
                        if (i.blobId() != null && !blobs.containsKey(i.blobId())) {
                            tx.blobs().find(i.blobId()).ifPresent(b -> blobs.put(i.blobId(), b));
                        }
                        tx.syncNotes().find(i.id()).ifPresent(n -> notes.put(i.id(), n));
                    }
                    after = page.next();
                } while (after != null);
                return new Source(records, blobs, notes);
            });
        }
    }

    static String hash(long n, int salt) {
        return "0x" + HexFormat.of().toHexDigits(n) + HexFormat.of().toHexDigits(salt) + "0".repeat(40);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.SyncCancelledException;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncProgress;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.SyncedNetworks;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sync stopped at any point resumes to the same rows without duplicates; a reorg is detected and rolled back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeAndReorgTest {

    private Path dir;
    private SyncFixture fx;
    private int stores;
    private Snapshot reference;

    /** Everything a sync writes that tests compare, in a stable order. */
    record Snapshot(List<String> inferences, int tensors, List<String> teeEvents, List<String> approvals,
                    Map<String, Boolean> teesEnabled, long notes) {
    }

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        fx.settleIndividually(4, true);
        fx.settleBatch(3, true, true);
        fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO));
        fx.runJsons();
        try (Store s = newStore()) {
            new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
            reference = snapshot(s);
        }
        assertEquals(4 + 4 + 3 + 1, reference.inferences().size());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Store newStore() {
        return Store.open(new DataDirectory(dir.resolve("store-" + stores++)));
    }

    private static Snapshot snapshot(Store s) {
        return s.read(tx -> {
            List<Inference> rows = tx.inferences().page(InferenceQuery.all(), null, 100_000).items();
            int tensors = 0;
            for (Inference i : rows) {
                Inference full = tx.loadInference(i.id()).orElseThrow();
                tensors += full.inputs().size() + full.outputs().size();
            }
            List<String> events = new java.util.ArrayList<>();
            for (var t : tx.tees().all()) {
                for (TeeEvent e : tx.teeEvents().forTee(t.teeId(), Long.MAX_VALUE)) {
                    events.add(e.blockNumber() + ":" + e.logIndex() + ":" + e.kind());
                }
            }
            Map<String, Boolean> enabled = new java.util.TreeMap<>();
            tx.tees().all().forEach(t -> enabled.put(t.teeId(), t.enabled()));
            return new Snapshot(rows.stream().map(i -> i.id() + "|" + i.mode() + "|" + i.model() + "|" + i.teeId()
                    + "|" + i.inputHash()).sorted().toList(), tensors, events.stream().sorted().toList(),
                    tx.pcrApprovals().all().stream().map(Object::toString).sorted().toList(), enabled,
                    tx.syncNotes().count());
        });
    }

    @Test
    @DisplayName("a sync stopped after each possible chunk resumes to exactly the reference rows")
    void stopAfterEveryChunkAndResume() {
        long head = reference.inferences().isEmpty() ? 0 : Long.MAX_VALUE;
        for (int stopAfter : new int[] {1, 3, 7}) {
            try (Store s = newStore()) {
                AtomicInteger chunks = new AtomicInteger();
                SyncListener crash = new SyncListener() {
                    @Override
                    public void chunkStored(SyncProgress p) {
                        if (chunks.incrementAndGet() == stopAfter) {
                            throw new IllegalStateException("injected crash after chunk " + stopAfter);
                        }
                    }
                };
                var oneBlockChunks = fx.config().withLimits(fx.config().limits().withSpans(1, 1, 1, 50));
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> new ChainSync(s, oneBlockChunks, crash).run(new SyncControl()));
                assertTrue(e.getMessage().contains("injected"));
                Snapshot partial = snapshot(s);
                assertTrue(reference.inferences().containsAll(partial.inferences()));
                SyncSummary resumed = new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
                assertEquals(stopAfter, resumed.fromBlock(), "resumes right after the last stored chunk");
                assertEquals(reference, snapshot(s));
            }
        }
        assertTrue(head > 0);
    }

    @Test
    @DisplayName("the range to read is told once, before the first chunk; the store records the network it synced")
    void startedBeforeTheFirstChunk() {
        try (Store s = newStore()) {
            List<String> events = new java.util.ArrayList<>();
            var small = fx.config().withLimits(fx.config().limits().withSpans(1, 1, 1, 50));
            SyncSummary summary = new ChainSync(s, small, new SyncListener() {
                @Override
                public void started(SyncProgress p) {
                    events.add("started " + p.startBlock() + ".." + p.headBlock() + " synced " + p.syncedBlock());
                }

                @Override
                public void chunkStored(SyncProgress p) {
                    events.add("chunk " + p.syncedBlock());
                }
            }).run(new SyncControl());
            assertEquals("started 0.." + summary.toBlock() + " synced -1", events.getFirst());
            assertEquals(1, events.stream().filter(e -> e.startsWith("started")).count());
            assertEquals("chunk 0", events.get(1), "one-block chunks from block 0");
            assertEquals(summary.toBlock() + 2, events.size(), "started, then one event per block");
            NetworkProfile recorded = s.read(SyncedNetworks::read).orElseThrow();
            assertEquals(fx.config().rpcUrls(), recorded.rpc());
            assertEquals(31337L, recorded.chainId());
            assertEquals(fx.config().contracts().toContracts(), recorded.contracts());
        }
    }

    @Test
    @DisplayName("cancel stops before the next chunk with SyncCancelledException; resuming completes the store")
    void cancel() {
        try (Store s = newStore()) {
            SyncControl control = new SyncControl();
            SyncListener cancelAfterTwo = new SyncListener() {
                int n;

                @Override
                public void chunkStored(SyncProgress p) {
                    if (++n == 2) {
                        control.cancel();
                    }
                }
            };
            var small = fx.config().withLimits(fx.config().limits().withSpans(1, 1, 1, 50));
            assertThrows(SyncCancelledException.class, () -> new ChainSync(s, small, cancelAfterTwo).run(control));
            long checkpoint = s.read(tx -> tx.checkpoints().all().getFirst().lastBlock());
            assertEquals(1L, checkpoint);
            new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
            assertEquals(reference, snapshot(s));
        }
    }

    @Test
    @DisplayName("follow: a SyncJob catches up, picks up a new record within a few polls, and stops on cancel")
    void followAndCancel(@TempDir Path other) throws Exception {
        try (SyncFixture chain = new SyncFixture(other); Store s = newStore()) {
            chain.runMany(List.of(BigInteger.ZERO));
            var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                io.proofdesk.chain.sync.SyncJob job = io.proofdesk.chain.sync.SyncJob.start(s,
                        chain.config().withFollow(true, 100), SyncListener.NONE, executor);
                waitFor(() -> job.progress().map(SyncProgress::atHead).orElse(false));
                assertEquals(1L, (long) s.read(tx -> tx.inferences().count(InferenceQuery.all())));
                SyncFixture.OnChain later = chain.runMany(List.of(BigInteger.ONE, BigInteger.TWO));
                long laterBlock = later.receipt().getBlockNumber().longValueExact();
                waitFor(() -> job.progress().map(p -> p.syncedBlock() >= laterBlock).orElse(false));
                assertEquals(3L, (long) s.read(tx -> tx.inferences().count(InferenceQuery.all())));
                assertFalse(job.result().isDone(), "follow keeps running");
                job.cancel();
                var e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> job.result().get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof SyncCancelledException, e.getCause().toString());
            } finally {
                executor.shutdownNow();
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "condition not met within 30 s");
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("a sync JVM killed (SIGKILL) mid-run resumes to exactly the reference rows")
    void killedJvmResumes() throws Exception {
        Path data = dir.resolve("store-killed");
        var a = fx.addresses();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dproofdesk.anvil=" + System.getProperty("proofdesk.anvil", ""), SyncChildMain.class.getName(),
                data.toString(), fx.anvil.rpcUrl(), fx.hub.baseUrl(), fx.blobs.baseUrl(), a.registry(), a.relay(),
                a.inference(), a.inferenceJsons()).redirectErrorStream(true).start();
        int seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CHUNK") && ++seen == 12) {
                    child.destroyForcibly();
                    break;
                }
                assertFalse(line.startsWith("DONE"), "the child finished before it was killed");
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(12, seen);
        try (Store s = Store.open(new DataDirectory(data))) {
            Snapshot partial = snapshot(s);
            assertTrue(reference.inferences().containsAll(partial.inferences()));
            long checkpoint = s.read(tx -> tx.checkpoints().all().getFirst().lastBlock());
            assertTrue(checkpoint >= 11, "at least the 12 reported chunks are stored, checkpoint " + checkpoint);
            new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
            assertEquals(reference, snapshot(s));
        }
    }

    @Test
    @DisplayName("a reorg (evm_revert, then different blocks) is detected, rolled back to the ancestor and re-read")
    void reorg(@TempDir Path other) throws Exception {
        try (SyncFixture chain = new SyncFixture(other); Store s = newStore()) {
            chain.registry();
            chain.settleIndividually(2, false);
            String snapshot = chain.snapshot();
            long forkBase = chain.head();
            SyncFixture.OnChain dropped = chain.runMany(List.of(BigInteger.ZERO, BigInteger.ZERO));
            chain.settleIndividually(2, false);
            new ChainSync(s, chain.config(), SyncListener.NONE).run(new SyncControl());
            long before = s.read(tx -> tx.inferences().count(InferenceQuery.all()));
            assertEquals(2 + 2 + 2, before);

            chain.revert(snapshot);
            chain.mine(1); // a different block at forkBase + 1, so the chain grows past the old head with new hashes
            SyncFixture.OnChain kept = chain.runMany(List.of(BigInteger.ONE));
            chain.mine(3);
            List<String> warnings = new java.util.ArrayList<>();
            SyncSummary after = new ChainSync(s, chain.config(), new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());

            assertEquals(1, after.reorgs(), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("rolled back to block " + forkBase)), warnings.toString());
            List<Inference> rows = s.read(tx -> tx.inferences().page(InferenceQuery.all(), null, 100).items());
            assertEquals(2 + 1, rows.size());
            String droppedTx = dropped.receipt().getTransactionHash();
            assertTrue(rows.stream().noneMatch(r -> r.id().txHash().equals(droppedTx)));
            assertTrue(rows.stream().anyMatch(r -> r.id().txHash().equals(kept.receipt().getTransactionHash())));
            String headHash = chain.session.web3j().ethGetBlockByNumber(
                    org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(chain.head())), false)
                    .send().getBlock().getHash();
            assertEquals(headHash, s.read(tx -> tx.blockHashes().find(chain.head()).orElseThrow().hash()));

            // and a fresh sync of the new chain gives the same rows
            try (Store fresh = newStore()) {
                new ChainSync(fresh, chain.config(), SyncListener.NONE).run(new SyncControl());
                assertEquals(snapshot(fresh), snapshot(s));
            }
        }
    }
}

package io.proofdesk.verify;

import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.bench.LocalWorkload;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch verification over a real store: parallel, progress, cancel, resume and force, sampling. */
class BatchVerificationTest {

    @TempDir
    Path dir;
    Store store;
    SessionCache sessions;
    LocalWorkload workload;
    List<RecordId> ids;

    @BeforeEach
    void seed() {
        store = Store.open(dir.resolve("p.db"), dir.resolve("p.lock"), Clock.systemUTC());
        sessions = SessionCache.withDefaults();
        ModelZoo zoo = ModelZoo.standard();
        ZooModel m = zoo.get("credit-mlp", "1.00");
        List<Map<String, Tensor>> inputs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            inputs.add(zoo.sampleInput(m, i));
        }
        workload = new LocalWorkload(m.bytes(), inputs, new ReexecEngine(sessions));
        store.inTransaction(tx -> {
            workload.register(tx);
            tx.saveInferences(workload.records());
        });
        ids = workload.records().stream().map(r -> r.id()).toList();
    }

    @AfterEach
    void close() {
        sessions.close();
        store.close();
    }

    private Verifier verifier() {
        return new Verifier(store, new VerificationSources(workload, id -> new byte[0], workload,
                (node, nonce) -> new byte[0], TrustedRoots.awsNitro()), sessions, VerifierOptions.defaults(),
                Clock.systemUTC());
    }

    @Test
    void theDefaultWorkerCountIsFourPerCoreUpToThirtyTwo() {
        assertEquals(4, BatchVerification.defaultThreads(1));
        assertEquals(8, BatchVerification.defaultThreads(2));
        assertEquals(32, BatchVerification.defaultThreads(8));
        assertEquals(32, BatchVerification.defaultThreads(64));
        assertEquals(1, BatchVerification.defaultThreads(0));
    }

    @Test
    @DisplayName("two threads verify every record, report progress to the total, and save each verdict")
    void parallelWithProgress() {
        AtomicLong last = new AtomicLong();
        BatchSummary s = new BatchVerification(store, verifier(), 2).run(ids, false,
                (done, total) -> last.accumulateAndGet(done, Math::max), new CancellationToken());
        assertEquals(ids.size(), s.count(Verdict.VERIFIED));
        assertEquals(ids.size(), last.get());
        for (RecordId id : ids) {
            assertEquals(Verdict.VERIFIED, store.read(tx -> tx.latestVerdict(id)).orElseThrow().verdict());
        }
    }

    @Test
    @DisplayName("a second run skips what this environment already verified; --force verifies again")
    void resumeAndForce() {
        new BatchVerification(store, verifier(), 1).run(ids.subList(0, 10), false, ProgressListener.none(),
                new CancellationToken());
        BatchSummary resumed = new BatchVerification(store, verifier(), 2).run(ids, false, ProgressListener.none(),
                new CancellationToken());
        assertEquals(10, resumed.skipped());
        assertEquals(ids.size() - 10, resumed.verified());
        BatchSummary forced = new BatchVerification(store, verifier(), 2).run(ids, true, ProgressListener.none(),
                new CancellationToken());
        assertEquals(0, forced.skipped());
        assertEquals(2, store.read(tx -> tx.verdictHistory(ids.getFirst())).size());
    }

    @Test
    @DisplayName("cancelling stops before the remaining records; what was done is saved")
    void cancel() {
        CancellationToken token = new CancellationToken();
        BatchSummary s = new BatchVerification(store, verifier(), 1).run(ids, false, (done, total) -> {
            if (done == 5) {
                token.cancel();
            }
        }, token);
        assertTrue(s.cancelled());
        assertEquals(5, s.verified());
        assertEquals(5, ids.stream().filter(id -> store.read(tx -> tx.latestVerdict(id)).isPresent()).count());
    }

    @Test
    @DisplayName("a seeded sample takes N per model, the same for the same seed; --all takes everything")
    void selection() {
        List<RecordId> a = new RecordSelection.Sample(5, RecordSelection.SampleGroup.MODEL, 7).resolve(store);
        List<RecordId> b = new RecordSelection.Sample(5, RecordSelection.SampleGroup.MODEL, 7).resolve(store);
        assertEquals(5, a.size());
        assertEquals(a, b);
        assertEquals(ids.size(), new RecordSelection.All().resolve(store).size());
    }

    @Test
    @DisplayName("a missing id among stored ones (workers read records in chunks) fails alone; its neighbours verify")
    void missingRecordAmongOthers() {
        List<RecordId> withGap = new ArrayList<>(ids);
        withGap.add(3, RecordId.of("0x" + "0".repeat(64), 9));
        BatchSummary s = new BatchVerification(store, verifier(), 2).run(withGap, false, ProgressListener.none(),
                new CancellationToken());
        assertEquals(1, s.failedToRun());
        assertEquals(ids.size(), s.count(Verdict.VERIFIED));
        assertEquals(withGap.size(), s.selected());
    }

    @Test
    @DisplayName("an id missing from the store is counted as not run, not as verified")
    void missingRecord() {
        BatchSummary s = new BatchVerification(store, verifier(), 1).run(List.of(RecordId.of("0x" + "0".repeat(64), 9)),
                false, ProgressListener.none(), new CancellationToken());
        assertEquals(1, s.failedToRun());
        assertEquals(0, s.count(Verdict.VERIFIED));
    }

    /** What a verification asks the chain: receipts and block hashes one at a time, and the sizes of batches. */
    private static final class CountingChain implements ChainReader {
        final ChainReader chain;
        final AtomicLong singleReceipts = new AtomicLong();
        final AtomicLong singleBlocks = new AtomicLong();
        final List<Integer> receiptBatches = new CopyOnWriteArrayList<>();
        final List<Integer> blockBatches = new CopyOnWriteArrayList<>();

        CountingChain(ChainReader chain) {
            this.chain = chain;
        }

        @Override
        public Optional<ReceiptFacts> receipt(String txHash) throws IOException {
            singleReceipts.incrementAndGet();
            return chain.receipt(txHash);
        }

        @Override
        public Optional<String> blockHash(long number) throws IOException {
            singleBlocks.incrementAndGet();
            return chain.blockHash(number);
        }

        @Override
        public Map<String, Optional<ReceiptFacts>> receipts(
                Collection<String> txHashes) throws IOException {
            receiptBatches.add(txHashes.size());
            return chain.receipts(txHashes);  // the workload's own loop, so these count as no single asks
        }

        @Override
        public Map<Long, Optional<String>> blockHashes(Collection<Long> numbers)
                throws IOException {
            blockBatches.add(numbers.size());
            return chain.blockHashes(numbers);
        }
    }

    @Test
    @DisplayName("each worker asks for its chunk's receipts and block hashes in one batch each; a re-run asks nothing")
    void chunksAskTheChainInBatches() {
        CountingChain chain = new CountingChain(workload);
        Supplier<Verifier> counted = () -> new Verifier(store, new VerificationSources(chain,
                id -> new byte[0], workload, (node, nonce) -> new byte[0], TrustedRoots.awsNitro()), sessions,
                VerifierOptions.defaults(), Clock.systemUTC());
        BatchSummary s = new BatchVerification(store, counted.get(), 2).run(ids, false, ProgressListener.none(),
                new CancellationToken());
        assertEquals(ids.size(), s.count(Verdict.VERIFIED));
        // 24 records, one transaction and block each, claimed 8 at a time
        assertEquals(List.of(8, 8, 8), chain.receiptBatches.stream().sorted().toList());
        assertEquals(List.of(8, 8, 8), chain.blockBatches.stream().sorted().toList());
        assertEquals(0, chain.singleReceipts.get(), "every record used its chunk's batch");
        assertEquals(0, chain.singleBlocks.get());
        BatchSummary again = new BatchVerification(store, counted.get(), 2).run(ids, false, ProgressListener.none(),
                new CancellationToken());
        assertEquals(ids.size(), again.skipped());
        assertEquals(3, chain.receiptBatches.size(), "records already verified ask the chain for nothing");
        assertEquals(0, chain.singleReceipts.get());
    }
}

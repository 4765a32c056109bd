package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.FixedPointClaims;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import io.proofdesk.attest.MerkleProofs;
import io.proofdesk.reexec.FixedPointTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fixture history on real anvil, synced into a real SQLite store: what was emitted is what is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncHistoryTest {

    private Path dir;
    private SyncFixture fx;
    private SyncFixture.Individual individual;
    private SyncFixture.Batch batch;
    private SyncFixture.Batch hashesOnly;
    private SyncFixture.OnChain onchain;
    private String jsonsTx;
    private Store store;
    private SyncSummary summary;
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    void syncFixtureHistory(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(dir.resolve("fx"));
        fx.registry();
        individual = fx.settleIndividually(5, true);
        batch = fx.settleBatch(4, true, true);
        hashesOnly = fx.settleBatch(3, false, false);
        onchain = fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO));
        jsonsTx = fx.runJsons().getTransactionHash();
        store = Store.open(new io.proofdesk.store.DataDirectory(dir.resolve("s")));
        summary = new ChainSync(store, fx.config(), new SyncListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).run(new SyncControl());
    }

    @AfterAll
    void stop() {
        if (store != null) {
            store.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private List<Inference> all(InferenceQuery q) {
        return store.read(tx -> tx.inferences().page(q, null, 10_000).items());
    }

    @Test
    @DisplayName("counts per kind equal what was emitted; the summary covers every block to the head")
    void countsPerKind() throws Exception {
        assertEquals(5, all(InferenceQuery.all().withSettlement(SettlementKind.INDIVIDUAL)).size());
        assertEquals(5 + 3, all(InferenceQuery.all().withSettlement(SettlementKind.BATCH)).size(),
                "4 leaves + 1 record outside the tree, and 3 hash-only leaves");
        assertEquals(4, all(InferenceQuery.all().withSettlement(SettlementKind.ONCHAIN)).size());
        assertEquals(1, all(InferenceQuery.all().withMode(InferenceMode.ZKML)).size());
        assertEquals(2, all(InferenceQuery.all().withMode(InferenceMode.VANILLA)).size());
        assertEquals(5 + 8 + 1, all(InferenceQuery.all().withMode(InferenceMode.TEE)).size());
        assertEquals(fx.head(), summary.toBlock());
        assertEquals(5 + 8 + 3 + 1, summary.records());
        assertEquals(fx.zoo.models().stream().map(m -> m.name()).distinct().count(), summary.models());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    @DisplayName("individually settled records carry the event's fields, the blob's tensors and the TEE's node URL")
    void individualRecords() {
        String tx = individual.receipt().getTransactionHash();
        List<Inference> rows = all(InferenceQuery.all().withSettlement(SettlementKind.INDIVIDUAL)
                .sortedBy(io.proofdesk.store.InferenceSort.BLOCK_ASC));
        for (int i = 0; i < 4; i++) {
            SyncFixture.Settled s = individual.records().get(i);
            assertEquals(fx.tee1, rows.get(i).teeId());
            assertEquals(SyncFixture.hex(s.inputHash()), rows.get(i).inputHash());
            assertEquals(SyncFixture.hex(s.outputHash()), rows.get(i).outputHash());
            assertArrayEquals(s.signature(), rows.get(i).signature().toArray());
            assertEquals(Instant.ofEpochSecond(s.timestamp()), rows.get(i).timestamp());
            assertEquals(SyncFixture.TEE_ENDPOINT_1, rows.get(i).nodeUrl());
            assertEquals(fx.credit.cid().toString(), rows.get(i).model());
            assertEquals("1.00", rows.get(i).modelVersion());
            assertEquals(individual.blobIds().get(i), rows.get(i).blobId());
            RecordId id = rows.get(i).id();
            Inference full = store.read(t -> t.loadInference(id)).orElseThrow();
            assertEquals(1, full.inputs().size());
            Tensor in = full.inputs().getFirst();
            assertEquals(DType.FLOAT, in.type(), "inputs in the model's declared type");
            assertEquals(s.input(), in, "fixed point -> float32 gives the sampled input back");
            assertArrayEquals(s.output(), full.outputs().getFirst().toDoubles());
            assertTrue(store.read(t -> t.syncNotes().find(full.id())).isEmpty());
            assertTrue(store.read(t -> t.blobs().find(full.blobId())).isPresent(), "the blob is kept for re-hashing");
        }
        assertTrue(rows.stream().allMatch(r -> r.id().txHash().equals(tx)));
    }

    @Test
    @DisplayName("a record whose blob is missing is stored without tensors, with the reason")
    void missingBlob() {
        List<Inference> rows = all(InferenceQuery.all().withSettlement(SettlementKind.INDIVIDUAL)
                .sortedBy(io.proofdesk.store.InferenceSort.BLOCK_ASC));
        Inference last = store.read(t -> t.loadInference(rows.getLast().id())).orElseThrow();
        assertTrue(last.inputs().isEmpty() && last.outputs().isEmpty());
        assertEquals("unknown", last.model());
        String note = store.read(t -> t.syncNotes().find(last.id())).orElseThrow();
        assertTrue(note.contains("HTTP 404") && note.contains(individual.blobIds().getLast()), note);
        assertEquals(SyncFixture.hex(individual.records().getLast().inputHash()), last.inputHash(),
                "the chain's fields are kept");
    }

    @Test
    @DisplayName("batch leaves: root, a proof that verifies, tensors from the records; a leaf outside the tree has no proof")
    void batchRecords() {
        String tx = batch.receipt().getTransactionHash();
        List<Inference> rows = all(InferenceQuery.all().withIdPrefix(tx).sortedBy(io.proofdesk.store.InferenceSort.BLOCK_ASC));
        assertEquals(5, rows.size());
        for (int i = 0; i < 5; i++) {
            RecordId id = rows.get(i).id();
            Inference r = store.read(t -> t.loadInference(id)).orElseThrow();
            assertEquals(Integer.valueOf(i), r.id().leafIndex());
            assertEquals(batch.root(), r.merkleRoot());
            assertEquals(SyncFixture.hex(batch.records().get(i).inputHash()), r.inputHash());
            assertEquals(batch.records().get(i).input(), r.inputs().getFirst());
            if (i < 4) {
                byte[] leaf = new io.proofdesk.attest.TeeSettlementLeaf(Numeric.hexStringToByteArray(r.teeId()),
                        Numeric.hexStringToByteArray(r.inputHash()), Numeric.hexStringToByteArray(r.outputHash()),
                        r.signature().toArray(), BigInteger.valueOf(r.timestamp().getEpochSecond())).leafHash();
                assertTrue(MerkleProofs.verify(r.merkleProof().stream().map(Numeric::hexStringToByteArray).toList(),
                        Numeric.hexStringToByteArray(batch.root()), leaf), "proof of leaf " + i);
            } else {
                assertTrue(r.merkleProof().isEmpty());
                assertTrue(store.read(t -> t.syncNotes().find(r.id())).orElseThrow().contains("not in the batch's Merkle tree"));
            }
        }
        List<Inference> hashRows = all(InferenceQuery.all().withIdPrefix(hashesOnly.receipt().getTransactionHash()));
        assertEquals(3, hashRows.size());
        assertTrue(hashRows.stream().allMatch(r -> r.teeId().equals(fx.tee1) && !r.merkleProof().isEmpty()
                && r.inputs().isEmpty()));
    }

    @Test
    @DisplayName("on-chain records: log k <-> calldata record k, inputs as float32, exact fixed-point claims kept")
    void onchainRecords() {
        String tx = onchain.receipt().getTransactionHash();
        List<Inference> rows = all(InferenceQuery.all().withIdPrefix(tx).sortedBy(io.proofdesk.store.InferenceSort.BLOCK_ASC));
        assertEquals(3, rows.size());
        for (int k = 0; k < 3; k++) {
            RecordId id = rows.get(k).id();
            Inference r = store.read(t -> t.loadInference(id)).orElseThrow();
            assertEquals(InferenceMode.fromCode(onchain.modes().get(k).intValue()), r.mode());
            assertEquals(fx.credit.cid().toString(), r.model());
            assertNull(r.teeId());
            assertEquals(onchain.inputs().get(k), r.inputs().getFirst());
            assertEquals(List.of("probabilities"), FixedPointClaims.values(r.outputs()).stream().map(Tensor::name).toList());
            FixedPointTensor claim = FixedPointClaims.claims(r.outputs()).get("probabilities");
            assertEquals(onchain.outputs().get(k), claim, "the claim round-trips exactly, decimals included");
            assertArrayEquals(new double[] {0.812, 0.15, onchain.outputs().get(k).values().get(2).toBigDecimal().doubleValue()},
                    FixedPointClaims.values(r.outputs()).getFirst().toDoubles());
        }
        Inference j = all(InferenceQuery.all().withIdPrefix(jsonsTx)).getFirst();
        Inference jFull = store.read(t -> t.loadInference(j.id())).orElseThrow();
        assertEquals(InferenceMode.TEE, jFull.mode());
        assertEquals(List.of("probabilities", "label", "meta"), FixedPointClaims.values(jFull.outputs()).stream()
                .map(io.proofdesk.domain.JsonTensor::nameOf).toList());
        assertTrue(io.proofdesk.domain.JsonTensor.isJson(FixedPointClaims.values(jFull.outputs()).get(2)));
        assertEquals(List.of("{\"score\":-0.5}"), FixedPointClaims.values(jFull.outputs()).get(2).strings());
    }

    @Test
    @DisplayName("registry: TEEs with endpoint, key and PCR; enabled state after disable/enable and a revocation")
    void registry() {
        Tee t1 = store.read(t -> t.tees().find(fx.tee1)).orElseThrow();
        Tee t2 = store.read(t -> t.tees().find(fx.tee2)).orElseThrow();
        assertEquals(SyncFixture.TEE_ENDPOINT_1, t1.endpoint());
        assertTrue(t1.enabled());
        assertFalse(t2.enabled(), "revoking its PCR set disabled the second TEE");
        assertEquals(fx.tee1, io.proofdesk.attest.TeeId.of(t1.publicKey().toArray()).hex());
        var events = store.read(t -> t.teeEvents().forTee(fx.tee1, Long.MAX_VALUE));
        assertEquals(List.of(TeeEventKind.REGISTERED, TeeEventKind.DISABLED, TeeEventKind.ENABLED, TeeEventKind.HEARTBEAT),
                events.stream().map(e -> e.kind()).toList());
        assertEquals(t1.pcrHash(), events.getFirst().pcrHash());
        var approvals = store.read(t -> t.pcrApprovals().all());
        assertEquals(2, approvals.size());
        assertEquals(1, approvals.stream().filter(a -> a.revokedBlock() != null).count());
        assertEquals(t2.pcrHash(), approvals.stream().filter(a -> a.revokedBlock() != null).findFirst().orElseThrow().pcrHash());
    }

    @Test
    @DisplayName("models, versions and files with the signature read from the ONNX file")
    void models() {
        var versions = store.read(t -> t.modelVersions().byCid(fx.credit.cid().toString()));
        assertEquals(1, versions.size());
        assertEquals("credit-mlp", versions.getFirst().modelName());
        var files = store.read(t -> t.modelFiles().byCid(fx.credit.cid().toString()));
        assertTrue(files.getFirst().inputSignatureJson().contains("\"features\"")
                && files.getFirst().inputSignatureJson().contains("FLOAT"), files.getFirst().inputSignatureJson());
        assertEquals(fx.credit.sha256(), files.getFirst().sha256());
    }

    @Test
    @DisplayName("a second sync to the same head stores nothing new and changes nothing")
    void resyncIsANoOp() {
        long before = store.read(t -> t.inferences().count(InferenceQuery.all()));
        SyncSummary again = new ChainSync(store, fx.config(), SyncListener.NONE).run(new SyncControl());
        assertEquals(0, again.records());
        long after = store.read(t -> t.inferences().count(InferenceQuery.all()));
        assertEquals(before, after);
        assertEquals("31337", store.read(t -> t.meta().get("chain_id").orElseThrow()));
    }
}

package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static io.proofdesk.store.Fixtures.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Endpoint;
import io.proofdesk.domain.EndpointKind;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.PcrApproval;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.SyncCheckpoint;
import io.proofdesk.domain.Tee;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.domain.TeeEventKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record type goes in and comes back equal, across a close and reopen. */
class RoundTripTest {

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(new DataDirectory(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = Store.open(new DataDirectory(dir));
    }

    @Test
    void endpointsCheckpointsBlocksAndMeta() {
        Endpoint rpc = new Endpoint(EndpointKind.RPC, "http://127.0.0.1:8545", 31337L, 12L, null, T0);
        Endpoint node = Endpoint.of(EndpointKind.NODE, "http://127.0.0.1:9001");
        SyncCheckpoint cp = new SyncCheckpoint("0xrelay", 1234, hash(5), T0);
        store.inTransaction(tx -> {
            tx.endpoints().upsert(rpc);
            tx.endpoints().upsert(node);
            tx.checkpoints().put(cp);
            for (long b = 1; b <= 10; b++) {
                tx.blockHashes().put(new BlockRef(b, hash(b), hash(b - 1), T0.plusSeconds(b)));
            }
            tx.meta().put("chain_id", "31337");
        });
        reopen();
        store.inTransaction(tx -> {
            assertEquals(List.of(node, rpc), tx.endpoints().all(), "ordered by kind name, then url");
            assertEquals(List.of(node), tx.endpoints().ofKind(EndpointKind.NODE));
            tx.endpoints().recordProbe(EndpointKind.NODE, node.url(), null, "connection refused", T0.plusSeconds(5));
            assertEquals(new Endpoint(EndpointKind.NODE, node.url(), null, null, "connection refused", T0.plusSeconds(5)),
                    tx.endpoints().find(EndpointKind.NODE, node.url()).orElseThrow());
            assertTrue(tx.endpoints().delete(EndpointKind.NODE, node.url()));
            assertEquals(cp, tx.checkpoints().find("0xrelay").orElseThrow());
            assertEquals(new BlockRef(7, hash(7), hash(6), T0.plusSeconds(7)), tx.blockHashes().find(7).orElseThrow());
            assertEquals(3, tx.blockHashes().keepLast(7));
            assertEquals(List.of(10L, 9L, 8L), tx.blockHashes().recent(3).stream().map(BlockRef::number).toList());
            assertTrue(tx.blockHashes().find(3).isEmpty());
            assertTrue(tx.blockHashes().find(4).isPresent());
            assertEquals("31337", tx.meta().get("chain_id").orElseThrow());
        });
    }

    @Test
    void teesEventsAndPcrApprovals() {
        Tee tee = new Tee(hash(1), "0x00000000000000000000000000000000000000b1", "0x00000000000000000000000000000000000000b2",
                "https://127.0.0.1:9001", Bytes.of(new byte[] {0x30, (byte) 0x82, 1, 2}), Bytes.of(new byte[] {0x30, 5}),
                hash(50), 1, true, T0, T0.plusSeconds(60));
        List<TeeEvent> events = List.of(
                new TeeEvent(10, 0, hash(100), TeeEventKind.PCR_APPROVED, null, hash(50), 1, "v1", T0),
                new TeeEvent(11, 2, hash(101), TeeEventKind.REGISTERED, hash(1), hash(50), 1, null, T0),
                new TeeEvent(12, 0, hash(102), TeeEventKind.HEARTBEAT, hash(1), null, null, null, T0.plusSeconds(60)),
                new TeeEvent(20, 1, hash(103), TeeEventKind.DISABLED, hash(1), null, null, null, T0.plusSeconds(99)),
                new TeeEvent(25, 0, hash(104), TeeEventKind.PCR_REVOKED, null, hash(50), null, null, T0.plusSeconds(120)));
        store.inTransaction(tx -> {
            tx.tees().upsert(tee);
            assertEquals(5, tx.teeEvents().insertAll(events));
            assertEquals(0, tx.teeEvents().insertAll(events), "re-inserting the same logs adds nothing");
            tx.pcrApprovals().approve(new PcrApproval(hash(50), 1, "v1", 10, null));
            assertEquals(1, tx.pcrApprovals().revoke(hash(50), 25));
            tx.pcrApprovals().approve(new PcrApproval(hash(50), 1, "v2", 30, null));
        });
        reopen();
        store.inTransaction(tx -> {
            assertEquals(tee, tx.tees().find(hash(1)).orElseThrow());
            assertEquals(List.of(tee), tx.tees().byPcrHash(hash(50)));
            assertEquals(List.of(tee), tx.tees().byType(1, true));
            assertTrue(tx.tees().setEnabled(hash(1), false));
            assertTrue(tx.tees().byType(1, true).isEmpty());
            assertFalse(tx.tees().recordHeartbeat(hash(1), T0), "an older heartbeat does not move it back");
            assertTrue(tx.tees().recordHeartbeat(hash(1), T0.plusSeconds(600)));
            assertEquals(T0.plusSeconds(600), tx.tees().find(hash(1)).orElseThrow().lastHeartbeat());

            assertEquals(events.subList(1, 3), tx.teeEvents().forTee(hash(1), 19));
            assertEquals(events.subList(1, 4), tx.teeEvents().forTee(hash(1), 20));
            assertEquals(List.of(events.get(0), events.get(1), events.get(4)), tx.teeEvents().forPcr(hash(50), 100));
            assertEquals(List.of(events.get(2)), tx.teeEvents().ofKind(TeeEventKind.HEARTBEAT, 0, 100));

            assertEquals("v1", tx.pcrApprovals().approvedAt(hash(50), 24).orElseThrow().version());
            assertTrue(tx.pcrApprovals().approvedAt(hash(50), 25).isEmpty(), "revoked at 25");
            assertTrue(tx.pcrApprovals().approvedAt(hash(50), 9).isEmpty(), "not yet approved");
            assertEquals("v2", tx.pcrApprovals().approvedAt(hash(50), 31).orElseThrow().version());
            assertEquals(List.of(new PcrApproval(hash(50), 1, "v1", 10, 25L), new PcrApproval(hash(50), 1, "v2", 30, null)),
                    tx.pcrApprovals().history(hash(50)));
        });
    }

    @Test
    void modelsVersionsAndFiles() {
        Model m = new Model("mlp-iris", "0x00000000000000000000000000000000000000c1", "an MLP", T0, 3L);
        ModelVersion v = new ModelVersion("mlp-iris", "1.0", "QmMain", T0, 4L, "first");
        ModelFile f = new ModelFile("mlp-iris", "1.0", "model.onnx", "QmMain", "ab".repeat(32), 1234,
                "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,4]}]}", "{\"outputs\":[]}", 4L);
        store.inTransaction(tx -> {
            tx.models().upsert(m);
            tx.modelVersions().upsert(v);
            tx.modelFiles().upsert(f);
        });
        reopen();
        store.read(tx -> {
            assertEquals(List.of(m), tx.models().all());
            assertEquals(v, tx.modelVersions().find("mlp-iris", "1.0").orElseThrow());
            assertEquals(List.of(v), tx.modelVersions().byCid("QmMain"));
            assertEquals(List.of(f), tx.modelFiles().forVersion("mlp-iris", "1.0"));
            assertEquals(List.of(f), tx.modelFiles().byCid("QmMain"));
            assertEquals(List.of(f), tx.modelFiles().bySha256("ab".repeat(32)));
            return null;
        });
    }

    @Test
    void filesOfOneCidComeInTheOrderSqliteSortsThem() {
        // names whose UTF-16 order differs from SQLite's (UTF-8 bytes): upper before lower case, a supplementary
        // character after U+E000, a prefix before its extensions
        List<String> names = List.of("b", "B", "a", "ab", "\uE000", "\uD83D\uDE00", "\u00e9", "Z9");
        store.inTransaction(tx -> {
            for (String name : names) {
                tx.models().upsert(new Model(name, null, null, null, 1L));
                for (String version : List.of("2", "10")) {
                    tx.modelVersions().upsert(new ModelVersion(name, version, "QmSame", null, 1L, null));
                    for (String file : List.of("w.bin", "model.onnx")) {
                        tx.modelFiles().upsert(new ModelFile(name, version, file, "QmSame", "cd".repeat(32), 1, null, null,
                                1L));
                    }
                }
            }
        });
        store.read(tx -> {
            List<ModelFile> sortedBySqlite = tx.modelFiles().bySha256("cd".repeat(32));
            assertEquals(names.size() * 4, sortedBySqlite.size());
            assertEquals(sortedBySqlite, tx.modelFiles().byCid("QmSame"));
            return null;
        });
    }

    @Test
    void inferencesWithTensorsOfSeveralTypes() {
        byte[] int32 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(0).putInt(Integer.MAX_VALUE).array();
        List<Tensor> inputs = List.of(
                Tensor.ofFloats("f32", new long[] {2, 2}, new float[] {1f, -0f, Float.NaN, Float.MIN_VALUE}),
                Tensor.ofDoubles("f64", new long[] {1}, new double[] {Math.PI}),
                Fixtures.rawTensor("i32", DType.INT32, new long[] {3}, int32),
                Fixtures.rawTensor("u8", DType.UINT8, new long[] {2}, new byte[] {(byte) 0xff, 0}),
                Fixtures.rawTensor("f16", DType.FLOAT16, new long[] {1}, new byte[] {0x00, 0x3c}),
                Fixtures.rawTensor("b", DType.BOOL, new long[] {0}, new byte[0]),
                Fixtures.rawTensor("scalar", DType.INT64, new long[] {}, new byte[8]));
        List<Tensor> outputs = List.of(Tensor.ofStrings("labels", new long[] {3}, List.of("setosa", "", "ünïcode ✓")),
                Tensor.ofLongs("argmax", new long[] {1, 1}, new long[] {Long.MIN_VALUE}));
        Inference tee = anInference(1).tensors(inputs, outputs).build();
        Inference leaf = anInference(2).batchLeaf(3).withTensors().build();
        Inference onchain = anInference(3).onChain().build();
        store.inTransaction(tx -> assertEquals(3, tx.saveInferences(List.of(tee, leaf, onchain))));
        reopen();
        store.read(tx -> {
            assertEquals(tee, tx.loadInference(tee.id()).orElseThrow());
            assertEquals(leaf, tx.loadInference(leaf.id()).orElseThrow());
            assertEquals(onchain, tx.loadInference(onchain.id()).orElseThrow());
            assertEquals(tee.withTensors(List.of(), List.of()), tx.inferences().find(tee.id()).orElseThrow());
            assertTrue(Float.isNaN(tx.loadInference(tee.id()).orElseThrow().inputs().getFirst().toFloats()[2]));
            return null;
        });
    }

    @Test
    void verdictsWithChecksAndTheLatestShownOnTheInference() {
        Inference a = anInference(1).build();
        VerificationEnvironment env = new VerificationEnvironment("0.1.0", "1.29.0", "Linux 6.1", "amd64 x 2",
                "abs 1e-6");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("maxAbsError", "0.5");
        details.put("ulps", "12345");
        details.put("a", "first-inserted-last-alphabetically? no: order kept");
        VerdictRecord first = new VerdictRecord(a.id(), Verdict.MISMATCH, "output differs", T0.plusSeconds(10), env,
                List.of(CheckResult.pass("record"), new CheckResult("reexecution", CheckStatus.FAIL, "differs", details),
                        new CheckResult("attestation", CheckStatus.UNVERIFIED, "no document", Map.of())));
        VerdictRecord second = new VerdictRecord(a.id(), Verdict.VERIFIED, null, T0.plusSeconds(20), env,
                List.of(CheckResult.pass("record"), CheckResult.pass("reexecution")));
        VerdictRecord lateOld = new VerdictRecord(a.id(), Verdict.ERROR, "timeout", T0.plusSeconds(5), null, List.of());
        store.inTransaction(tx -> {
            tx.saveInferences(List.of(a));
            tx.saveVerdict(first);
        });
        assertEquals(List.of("reexecution"), store.read(tx -> tx.checkResults().failedInLatest(a.id())));
        assertEquals(Verdict.MISMATCH, store.read(tx -> tx.inferences().find(a.id()).orElseThrow().verdict()));
        store.inTransaction(tx -> {
            tx.saveVerdict(second);
            tx.saveVerdict(lateOld);
        });
        reopen();
        store.read(tx -> {
            assertEquals(second, tx.latestVerdict(a.id()).orElseThrow());
            assertEquals(List.of(lateOld, first, second), tx.verdictHistory(a.id()));
            assertEquals(List.of("maxAbsError", "ulps", "a"),
                    List.copyOf(tx.verdictHistory(a.id()).get(1).checks().get(1).details().keySet()));
            assertEquals(Verdict.VERIFIED, tx.inferences().find(a.id()).orElseThrow().verdict());
            assertEquals(List.of(), tx.checkResults().failedInLatest(a.id()));
            assertEquals(1, tx.inferences().count(InferenceQuery.all().withVerdict(Verdict.VERIFIED)));
            return null;
        });
    }

    @Test
    void failedChecksOfAPageOfRowsFromTheirLatestVerdicts() {
        Inference mismatch = anInference(11).build();
        Inference error = anInference(12).build();
        Inference fixed = anInference(13).build();
        Inference unchecked = anInference(14).build();
        store.inTransaction(tx -> {
            tx.saveInferences(List.of(mismatch, error, fixed, unchecked));
            tx.saveVerdict(new VerdictRecord(mismatch.id(), Verdict.MISMATCH, "differs", T0, null, List.of(
                    CheckResult.pass("record"), new CheckResult("signature", CheckStatus.FAIL, "bad", Map.of()),
                    new CheckResult("reexecution", CheckStatus.FAIL, "differs", Map.of()))));
            tx.saveVerdict(new VerdictRecord(error.id(), Verdict.ERROR, "timeout", T0, null, List.of(
                    new CheckResult("model", CheckStatus.ERROR, "no answer", Map.of()))));
            tx.saveVerdict(new VerdictRecord(fixed.id(), Verdict.MISMATCH, "differs", T0, null, List.of(
                    new CheckResult("blob", CheckStatus.FAIL, "differs", Map.of()))));
            tx.saveVerdict(new VerdictRecord(fixed.id(), Verdict.VERIFIED, null, T0.plusSeconds(1), null,
                    List.of(CheckResult.pass("blob"))));
        });
        Map<RecordId, List<String>> failed = store.read(tx -> tx.checkResults().failedInLatest(
                tx.inferences().page(InferenceQuery.all(), null, 10).items()));
        assertEquals(Map.of(mismatch.id(), List.of("signature", "reexecution"), error.id(), List.of("model")), failed);
    }

    /**
     * A verdict equal to the stored one only moves the stored time, and a changed one is written in full, in a second
     * statement; whichever order a group holds them in, the newest wins and an older one never wins later.
     */
    @Test
    void listedVerdictIsTheNewestWhetherAGroupRepeatsOrChangesIt() {
        Inference a = anInference(1).build();
        Inference b = anInference(2).build();
        Inference c = anInference(3).build();
        store.inTransaction(tx -> {
            tx.saveInferences(List.of(a, b, c));
            for (Inference i : List.of(a, b, c)) {
                tx.saveVerdict(verdictAt(i, Verdict.VERIFIED, 10));
            }
        });
        // a: a repeat, then a newer change; b: a change, then a newer repeat; c: an older repeat and an older change
        store.inTransaction(tx -> tx.saveVerdicts(List.of(
                verdictAt(a, Verdict.VERIFIED, 20), verdictAt(a, Verdict.MISMATCH, 30),
                verdictAt(b, Verdict.MISMATCH, 20), verdictAt(b, Verdict.VERIFIED, 30),
                verdictAt(c, Verdict.VERIFIED, 5), verdictAt(c, Verdict.ERROR, 6)).stream().map(store::encode).toList()));
        assertEquals(List.of(Verdict.MISMATCH, Verdict.VERIFIED, Verdict.VERIFIED), listedVerdicts(a, b, c));
        // the stored times moved as the newest verdicts say: 30, 30 and still 10
        store.inTransaction(tx -> tx.saveVerdicts(List.of(verdictAt(a, Verdict.VERIFIED, 25),
                verdictAt(b, Verdict.MISMATCH, 29), verdictAt(c, Verdict.MISMATCH, 11)).stream()
                .map(store::encode).toList()));
        assertEquals(List.of(Verdict.MISMATCH, Verdict.VERIFIED, Verdict.MISMATCH), listedVerdicts(a, b, c));
        assertEquals(2L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all().withVerdict(Verdict.MISMATCH))));
    }

    private static VerdictRecord verdictAt(Inference i, Verdict v, int second) {
        return new VerdictRecord(i.id(), v, null, T0.plusSeconds(second), null, List.of(CheckResult.pass("record")));
    }

    private List<Verdict> listedVerdicts(Inference... all) {
        return store.read(tx -> java.util.Arrays.stream(all)
                .map(i -> tx.inferences().find(i.id()).orElseThrow().verdict()).toList());
    }

    @Test
    void blobsAndReports() {
        Bytes blob = Bytes.of("{\"input\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ReportEntry r = new ReportEntry(null, "/tmp/report.json", "cd".repeat(32), T0, 42, "json");
        ReportEntry stored = store.inTransactionGet(tx -> {
            tx.blobs().put("blob-1", blob, T0);
            return tx.reports().insert(r);
        });
        assertEquals(r.withId(stored.id()), stored);
        reopen();
        store.read(tx -> {
            assertEquals(blob, tx.blobs().find("blob-1").orElseThrow());
            assertEquals(List.of(stored), tx.reports().all());
            assertEquals(stored, tx.reports().find(stored.id()).orElseThrow());
            return null;
        });
        StoreValueTooLargeException e = assertThrows(StoreValueTooLargeException.class, () -> store.inTransaction(tx ->
                tx.blobs().put("huge", Bytes.of(new byte[BlobDao.MAX_BLOB_BYTES + 1]), T0)));
        assertEquals(BlobDao.MAX_BLOB_BYTES, e.cap());
    }

    @Test
    void aReorgRollsBackEverythingFromTheForkBlock() {
        Inference before = anInference(1).block(99).build();
        Inference after = anInference(2).block(101).withTensors().build();
        store.inTransaction(tx -> {
            tx.saveInferences(List.of(before, after));
            tx.saveVerdict(new VerdictRecord(after.id(), Verdict.VERIFIED, null, T0, null, List.of(CheckResult.pass("record"))));
            tx.teeEvents().insertAll(List.of(new TeeEvent(100, 0, hash(1), TeeEventKind.ENABLED, hash(2), null, null, null, T0)));
            tx.pcrApprovals().approve(new PcrApproval(hash(3), 1, "v", 50, null));
            tx.pcrApprovals().revoke(hash(3), 100);
            tx.blockHashes().put(new BlockRef(99, hash(99), null, null));
            tx.blockHashes().put(new BlockRef(100, hash(100), null, null));
            tx.checkpoints().put(new SyncCheckpoint("relay", 120, hash(120), T0));
            tx.checkpoints().put(new SyncCheckpoint("hub", 90, null, T0));
        });
        store.inTransaction(tx -> tx.rollbackFromBlock(100));
        store.read(tx -> {
            assertTrue(tx.inferences().exists(before.id()));
            assertFalse(tx.inferences().exists(after.id()));
            assertTrue(tx.tensors().load(after.id()).outputs().isEmpty());
            assertTrue(tx.verdicts().history(after.id()).isEmpty());
            assertTrue(tx.teeEvents().forTee(hash(2), 1000).isEmpty());
            assertEquals(List.of(new PcrApproval(hash(3), 1, "v", 50, null)), tx.pcrApprovals().history(hash(3)));
            assertEquals(List.of(99L), tx.blockHashes().recent(5).stream().map(BlockRef::number).toList());
            assertEquals(99, tx.checkpoints().find("relay").orElseThrow().lastBlock());
            assertEquals(90, tx.checkpoints().find("hub").orElseThrow().lastBlock());
            return null;
        });
        // the record the new chain has at the same place must not inherit the old one's verdicts (a verdict row
        // names its inference by block, log index and leaf)
        Inference replacement = anInference(9).id(RecordId.of(hash(9), after.id().logIndex())).block(101).build();
        store.inTransaction(tx -> tx.saveInferences(List.of(replacement)));
        store.read(tx -> {
            assertTrue(tx.verdicts().history(replacement.id()).isEmpty());
            assertTrue(tx.checkResults().failedInLatest(replacement.id()).isEmpty());
            assertNull(tx.inferences().find(replacement.id()).orElseThrow().verdict());
            return null;
        });
    }
}

package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.FixedPointClaims;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.devnet.contracts.LegacyInferenceNoShape;
import io.proofdesk.devnet.contracts.LegacyInferenceU32;
import io.proofdesk.devnet.contracts.LegacyInferenceU32Jsons;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sync on anvil of OpenGradient's older inference-contract generations: contracts with the real `run` of the
 * no-shape (0x17f7542e) and uint32[]-shape (0xcbf09d80) layouts log InferenceResult in their own layout, and the
 * sync stores each record with its model, mode, inputs (from calldata) and exact output claims (from the log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyGenerationsSyncTest {

    private Path dir;
    private SyncFixture fx;
    private LegacyInferenceNoShape noShape;
    private LegacyInferenceU32 u32;
    private LegacyInferenceU32Jsons u32Jsons;
    private Tensor features;
    private TransactionReceipt noShapeCredit;
    private TransactionReceipt noShapeNegative;
    private TransactionReceipt u32Credit;
    private TransactionReceipt u32JsonsRun;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        var s = fx.session;
        noShape = LegacyInferenceNoShape.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        u32 = LegacyInferenceU32.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        u32Jsons = LegacyInferenceU32Jsons.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        features = fx.zoo.sampleInput(fx.credit, 4242).get("features");
        FixedPointTensor in = new FixedPointCodec().encode(features);
        String cid = fx.credit.cid().toString();

        noShapeCredit = noShape.run(cid, BigInteger.ONE, new LegacyInferenceNoShape.ModelInput(List.of(
                new LegacyInferenceNoShape.NumberTensor("features", in.values().stream()
                        .map(v -> new LegacyInferenceNoShape.Number(v.value(), v.decimals())).toList())),
                List.of())).send();
        noShapeNegative = noShape.run("QmNotInTheHub", BigInteger.ZERO, new LegacyInferenceNoShape.ModelInput(List.of(
                new LegacyInferenceNoShape.NumberTensor("y", List.of(
                        new LegacyInferenceNoShape.Number(BigInteger.TWO, BigInteger.valueOf(-1)),
                        new LegacyInferenceNoShape.Number(BigInteger.valueOf(15), BigInteger.ONE)))),
                List.of(new LegacyInferenceNoShape.StringTensor("tag", List.of("a", "b"))))).send();
        List<BigInteger> shape = java.util.Arrays.stream(features.shape()).mapToObj(BigInteger::valueOf).toList();
        u32Credit = u32.run(cid, BigInteger.TWO, new LegacyInferenceU32.ModelInput(List.of(
                new LegacyInferenceU32.NumberTensor("features", in.values().stream()
                        .map(v -> new LegacyInferenceU32.Number(v.value(), v.decimals())).toList(), shape)),
                List.of())).send();
        u32JsonsRun = u32Jsons.run("QmNotInTheHub", BigInteger.ZERO, new LegacyInferenceU32Jsons.ModelInput(List.of(
                new LegacyInferenceU32Jsons.NumberTensor("z", List.of(new LegacyInferenceU32Jsons.Number(
                        BigInteger.valueOf(-7), BigInteger.valueOf(-2))), List.of(BigInteger.ONE))),
                List.of())).send();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static RecordId idOf(TransactionReceipt r) {
        assertEquals(1, r.getLogs().size());
        return RecordId.of(r.getTransactionHash().toLowerCase(Locale.ROOT), r.getLogs().getFirst().getLogIndex()
                .longValueExact());
    }

    @Test
    void everyOlderGenerationIsSyncedWhole() {
        SyncConfig c = fx.config();
        SyncConfig config = new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(null, null,
                noShape.getContractAddress(), u32.getContractAddress()), c.hubUrl(), c.fileStoreUrl(),
                c.blobStoreUrl(), c.fromBlock(), c.follow(), c.pollMillis(), c.keptBlockHashes(), c.limits());
        // a third inference address: ContractAddresses holds two, so the jsons contract gets a sync of its own
        SyncConfig jsonsConfig = new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(null, null,
                u32Jsons.getContractAddress(), null), c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(), c.fromBlock(),
                c.follow(), c.pollMillis(), c.keptBlockHashes(), c.limits());
        try (Store store = Store.open(new DataDirectory(dir.resolve("store")))) {
            SyncSummary summary = new ChainSync(store, config, SyncListener.NONE).run(new SyncControl());
            assertEquals(3, summary.records());
            assertEquals(0, summary.unknownEvents());
            assertEquals(List.of(), summary.warnings());
            assertEquals(3L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));

            // no shape: the model's input decoded from run's calldata (flat: the chain states no shape), the log's
            // output claimed exactly
            Inference a = store.read(tx -> tx.loadInference(idOf(noShapeCredit))).orElseThrow();
            assertEquals(InferenceMode.ZKML, a.mode());
            assertEquals(fx.credit.cid().toString(), a.model());
            assertArrayEquals(features.toFloats(), a.inputs().getFirst().toFloats());
            assertArrayEquals(new long[] {features.toFloats().length}, a.inputs().getFirst().shape());
            assertEquals(new FixedPointCodec().encode(features).values(),
                    FixedPointClaims.claims(a.outputs()).get("features").values());

            // negative decimals come through the chain exactly: (2, -1) is 20
            Inference b = store.read(tx -> tx.loadInference(idOf(noShapeNegative))).orElseThrow();
            FixedPointTensor y = FixedPointClaims.claims(b.outputs()).get("y");
            assertEquals(List.of("20", "1.5"), y.values().stream().map(FixedPointNumber::toString).toList());
            assertArrayEquals(new double[] {20, 1.5}, FixedPointClaims.values(b.outputs()).getFirst().toDoubles());
            assertEquals(List.of("a", "b"), FixedPointClaims.values(b.outputs()).get(1).strings());
            assertTrue(store.read(tx -> tx.syncNotes().find(b.id())).orElseThrow().contains("inputs not decoded"));

            // uint32[] shape: the shape is kept
            Inference d = store.read(tx -> tx.loadInference(idOf(u32Credit))).orElseThrow();
            assertEquals(InferenceMode.TEE, d.mode());
            assertEquals(features, d.inputs().getFirst());
            assertArrayEquals(features.shape(), FixedPointClaims.claims(d.outputs()).get("features").shape());
        }
        try (Store store = Store.open(new DataDirectory(dir.resolve("jsons")))) {
            SyncSummary summary = new ChainSync(store, jsonsConfig, SyncListener.NONE).run(new SyncControl());
            assertEquals(1, summary.records());
            assertEquals(List.of(), summary.warnings());
            // uint32[] shape + jsons: (-7, -2) is -700; the JSON document is a one-element string tensor as written
            Inference e = store.read(tx -> tx.loadInference(idOf(u32JsonsRun))).orElseThrow();
            assertEquals(List.of("-700"), FixedPointClaims.claims(e.outputs()).get("z").values().stream()
                    .map(FixedPointNumber::toString).toList());
            Tensor meta = FixedPointClaims.values(e.outputs()).get(1);
            assertEquals("meta", io.proofdesk.domain.JsonTensor.nameOf(meta));
            assertTrue(io.proofdesk.domain.JsonTensor.isJson(meta));
            assertEquals(List.of("{\"ok\":true,\"n\":[1,2]}"), meta.strings());
            // the call was read as run (selector 0xcbf09d80); only the unknown model kept its inputs undecoded
            String note = store.read(tx -> tx.syncNotes().find(e.id())).orElseThrow();
            assertTrue(note.contains("inputs not decoded") && !note.contains("selector")
                    && !note.contains("mode unknown"), note);
        }
    }
}

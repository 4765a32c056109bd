package io.proofdesk.devnet.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.FixedPointClaims;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.devnet.contracts.DemoInferencePrecompile;
import io.proofdesk.devnet.nodeapi.NodeApiService;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.JsonTensor;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.verify.VerificationSources;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inference precompile end to end on a real chain: anvil runs a stand-in precompile at OpenGradient's address
 * 0x...00F4 (anvil_setCode) logging ModelInferenceEvent, the demo node API serves the results run asynchronously
 * (VanillaResult, TeeNodeResult, ZkmlResult) on 127.0.0.1, and a sync of a profile naming both stores each record with
 * its request from the log and its output from the chain or, when the chain has none, from the node API, saying so in
 * its evidence. Results the node API does not give are stored without outputs, with the reason, and verify UNVERIFIED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrecompileSyncTest {

    static final String PRECOMPILE = "0x00000000000000000000000000000000000000f4";

    private Path dir;
    private SyncFixture fx;
    private NodeApiService nodeApi;
    private DemoInferencePrecompile precompile;
    private Tensor features;
    private final Map<String, RecordId> ids = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        nodeApi = new NodeApiService().start();
        var s = fx.session;
        // the runtime code of a deployed stand-in, put where OpenGradient's precompile lives
        DemoInferencePrecompile deployed = DemoInferencePrecompile.deploy(s.web3j(), s.transactionManager(),
                s.gasProvider()).send();
        String code = s.web3j().ethGetCode(deployed.getContractAddress(), DefaultBlockParameterName.LATEST).send()
                .getCode();
        new Request<>("anvil_setCode", List.of(PRECOMPILE, code), new HttpService(fx.anvil.rpcUrl()),
                org.web3j.protocol.core.methods.response.VoidResponse.class).send();
        precompile = DemoInferencePrecompile.load(PRECOMPILE, s.web3j(), s.transactionManager(), s.gasProvider());

        features = fx.zoo.sampleInput(fx.credit, 77).get("features");
        FixedPointTensor in = new FixedPointCodec().encode(features);
        var input = new DemoInferencePrecompile.ModelInput(List.of(new DemoInferencePrecompile.NumberTensor(
                "features", in.values().stream().map(v -> new DemoInferencePrecompile.Number(v.value(), v.decimals()))
                .toList(), Arrays.stream(features.shape()).mapToObj(BigInteger::valueOf).toList())), List.of());
        String cid = fx.credit.cid().toString();

        // the result on chain: a synchronous run
        emit("sync", BigInteger.ZERO, cid, input, output(List.of(
                number("probabilities", List.of(1L, 3L), List.of("125", "5", "375"), List.of("3", "1", "3")))));
        // asynchronous: empty response; the node API answers by id (one with a '/' and a space, URL-encoded)
        emit("og/1 vanilla", BigInteger.ZERO, cid, input, output(List.of()));
        nodeApi.putVanilla("og/1 vanilla", modelOutput("probabilities", true, "{\"label\": \"good\", \"p\": [0.5]}"));
        emit("og-2-tee", BigInteger.TWO, cid, input, output(List.of()));
        nodeApi.putTee("og-2-tee", modelOutput("probabilities", false, null));
        emit("og-3-zkml", BigInteger.ONE, cid, input, output(List.of()));
        nodeApi.putZkml("og-3-zkml", modelOutput("probabilities", false, null));
        // what the node API will not give
        emit("og-404", BigInteger.ZERO, cid, input, output(List.of()));
        emit("og-pending", BigInteger.ZERO, cid, input, output(List.of()));
        nodeApi.putPending("og-pending");
        emit("og-garbage", BigInteger.ZERO, cid, input, output(List.of()));
        nodeApi.putRaw("og-garbage", "{\"inference_results\": [\"%%%\"]}".getBytes(StandardCharsets.UTF_8));
        emit("og-wrong-kind", BigInteger.ONE, cid, input, output(List.of()));
        nodeApi.putVanilla("og-wrong-kind", modelOutput("probabilities", false, null));
    }

    @AfterAll
    void stop() {
        nodeApi.close();
        fx.close();
    }

    private void emit(String id, BigInteger mode, String cid, DemoInferencePrecompile.ModelInput input,
                      DemoInferencePrecompile.ModelOutput response) throws Exception {
        var receipt = precompile.emitInference(id, new DemoInferencePrecompile.ModelInferenceRequest(mode, cid, input),
                response).send();
        assertEquals(1, receipt.getLogs().size());
        ids.put(id, RecordId.of(receipt.getTransactionHash().toLowerCase(Locale.ROOT),
                receipt.getLogs().getFirst().getLogIndex().longValueExact()));
    }

    private static DemoInferencePrecompile.NumberTensor number(String name, List<Long> shape, List<String> values,
                                                                 List<String> decimals) {
        return new DemoInferencePrecompile.NumberTensor(name, java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> new DemoInferencePrecompile.Number(new BigInteger(values.get(i)),
                        new BigInteger(decimals.get(i)))).toList(), shape.stream().map(BigInteger::valueOf).toList());
    }

    private static DemoInferencePrecompile.ModelOutput output(List<DemoInferencePrecompile.NumberTensor> numbers) {
        return new DemoInferencePrecompile.ModelOutput(numbers, List.of(), List.of(), false);
    }

    /**
     * A model_output as the node API writes it: (1,3) probabilities 0.25, 0.5, 0.25 with values as decimal strings
     * or JSON numbers, optionally a jsons document.
     */
    private ObjectNode modelOutput(String name, boolean asStrings, String document) {
        ObjectNode out = json.createObjectNode();
        ObjectNode t = out.putArray("numbers").addObject();
        t.put("name", name);
        ArrayNode values = t.putArray("values");
        for (long v : new long[] {25, 5, 25}) {
            ObjectNode n = values.addObject();
            if (asStrings) {
                n.put("value", Long.toString(v));
                n.put("decimals", v == 5 ? "1" : "2");
            } else {
                n.put("value", v);
                n.put("decimals", v == 5 ? 1 : 2);
            }
        }
        t.putArray("shape").add(1).add(3);
        out.putArray("strings");
        ArrayNode jsons = out.putArray("jsons");
        if (document != null) {
            jsons.addObject().put("name", "meta").put("value", document);
        }
        return out;
    }

    private static List<String> claimed(Inference r) {
        return FixedPointClaims.claims(r.outputs()).get("probabilities").values().stream()
                .map(FixedPointNumber::toString).toList();
    }

    @Test
    void precompileRecordsAreSyncedWithTheirResultsFromTheChainOrTheNodeApi() throws Exception {
        SyncConfig c = fx.config();
        NetworkProfile profile = new NetworkProfile("precompile-lab", fx.anvil.chainId(), c.rpcUrls(),
                HeaderFormat.ETHEREUM, null, c.hubUrl(), c.fileStoreUrl(), null, List.of(),
                new ContractAddresses(null, null, null, null, PRECOMPILE).toContracts(), 0, List.of(), false,
                nodeApi.baseUrl());
        SyncConfig config = new SyncConfig(c.rpcUrls(), c.expectedChainId(), ContractAddresses.of(profile.contracts()),
                c.hubUrl(), c.fileStoreUrl(), null, 0, false, c.pollMillis(), c.keptBlockHashes(), c.limits(),
                profile);
        assertEquals(nodeApi.baseUrl() + "/artela-network/artela-rollkit/inference/tx/og%2F1%20vanilla",
                config.nodeApi().resultUrl("og/1 vanilla").toString());
        try (Store store = Store.open(new DataDirectory(dir.resolve("store")))) {
            SyncSummary summary = new ChainSync(store, config, SyncListener.NONE).run(new SyncControl());
            assertEquals(8, summary.records());
            assertEquals(0, summary.unknownEvents());

            // synchronous: request and result both from the log; evidence is the chain's alone
            Inference sync = store.read(tx -> tx.loadInference(ids.get("sync"))).orElseThrow();
            assertEquals(InferenceMode.VANILLA, sync.mode());
            assertEquals(fx.credit.cid().toString(), sync.model());
            assertEquals(features, sync.inputs().getFirst());
            assertEquals(List.of("0.125", "0.5", "0.375"), claimed(sync));
            assertEquals(EvidenceLevel.PROVED, sync.evidence().level());
            assertFalse(sync.evidence().detail().contains("node API"), sync.evidence().detail());
            assertTrue(store.read(tx -> tx.syncNotes().find(sync.id())).isEmpty());

            // each of the three answers of the node API, decoded; the evidence says where the output came from
            Map<String, InferenceMode> modes = Map.of("og/1 vanilla", InferenceMode.VANILLA, "og-2-tee",
                    InferenceMode.TEE, "og-3-zkml", InferenceMode.ZKML);
            for (var e : modes.entrySet()) {
                Inference r = store.read(tx -> tx.loadInference(ids.get(e.getKey()))).orElseThrow();
                assertEquals(e.getValue(), r.mode(), e.getKey());
                assertEquals(features, r.inputs().getFirst());
                assertEquals(List.of("0.25", "0.5", "0.25"), claimed(r), e.getKey());
                assertArrayEquals(new long[] {1, 3}, FixedPointClaims.claims(r.outputs()).get("probabilities").shape());
                // the event is proved against its block, the output is only the node's word
                assertEquals(EvidenceLevel.TRUSTED, r.evidence().level());
                assertTrue(r.evidence().detail().startsWith("event: receipt proved against block "),
                        r.evidence().detail());
                assertTrue(r.evidence().detail().contains("output: the node API's answer (" + nodeApi.baseUrl()
                        + "/artela-network/artela-rollkit/inference/tx/"), r.evidence().detail());
                assertTrue(r.evidence().detail().endsWith("not on chain"), r.evidence().detail());
            }
            Inference vanilla = store.read(tx -> tx.loadInference(ids.get("og/1 vanilla"))).orElseThrow();
            Tensor meta = vanilla.outputs().stream().filter(JsonTensor::isJson).findFirst().orElseThrow();
            assertEquals("meta", JsonTensor.nameOf(meta));
            assertEquals("{\"label\": \"good\", \"p\": [0.5]}", JsonTensor.documentOf(meta));

            // not given: stored, without outputs, with the reason naming the URL
            Map<String, String> reasons = Map.of(
                    "og-404", "the node API does not serve it: " + nodeApi.baseUrl()
                            + "/artela-network/artela-rollkit/inference/tx/og-404 answered 404",
                    "og-pending", "has no result for it yet (inference_results empty)",
                    "og-garbage", "inference_results[0] is not base64",
                    "og-wrong-kind", "answered a VanillaResult for a ZKML request; output not taken");
            for (var e : reasons.entrySet()) {
                Inference r = store.read(tx -> tx.loadInference(ids.get(e.getKey()))).orElseThrow();
                assertEquals(List.of(), r.outputs(), e.getKey());
                assertEquals(features, r.inputs().getFirst());
                String note = store.read(tx -> tx.syncNotes().find(r.id())).orElseThrow();
                assertTrue(note.startsWith("output not on chain (run asynchronously, inference id " + e.getKey()
                        + ")"), note);
                assertTrue(note.contains(e.getValue()), note);
            }
        }
        try (Store store = Store.open(new DataDirectory(dir.resolve("store")));
             SessionCache sessions = SessionCache.withDefaults()) {
            // a record whose result the node API did not give has nothing to compare: UNVERIFIED, never dropped
            Verifier verifier = new Verifier(store, VerificationSources.http(fx.anvil.rpcUrl(), fx.hub.baseUrl(),
                    fx.blobs.baseUrl(), TrustedRoots.of()), sessions, VerifierOptions.defaults(), Clock.systemUTC());
            VerdictRecord v = verifier.verify(ids.get("og-404")).orElseThrow().verdict();
            assertEquals(Verdict.UNVERIFIED, v.verdict(), v.toString());
            assertTrue(v.checks().stream().noneMatch(l -> l.status() == CheckStatus.FAIL), v.toString());
            // the record line holds the precompile's event against the stored mode and model
            assertEquals(CheckStatus.PASS, v.checks().stream().filter(l -> l.name().equals("record")).findFirst()
                    .orElseThrow().status(), v.toString());
        }
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}

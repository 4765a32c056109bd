package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.proofdesk.chain.contracts.IInferencePrecompile;
import io.proofdesk.node.NodeApiAnswerException;
import io.proofdesk.node.NodeApiClient;
import io.proofdesk.node.wire.NodeInferenceResult;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The precompile path below the sync: ModelInferenceEvent's topic0 is the one of OpenGradient's own ABI (resource
 * {@code opengradient/precompile/}), its logs decode through the wrapper, the node API's three result kinds parse as
 * the SDK reads them, and the node API client's cap and deadline fail with the URL named.
 */
class PrecompilePathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "http://127.0.0.1:1/artela-network/artela-rollkit/inference/tx/x";

    @Test
    void modelInferenceEventHasTheTopicOfOpenGradientsAbi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/opengradient/precompile/InferencePrecompile.abi")) {
            for (JsonNode e : JSON.readTree(in)) {
                if ("ModelInferenceEvent".equals(e.path("name").asText())) {
                    List<String> types = new ArrayList<>();
                    e.path("inputs").forEach(p -> types.add(canonical(p)));
                    assertEquals("ModelInferenceEvent(string,(uint8,string,((string,(int128,int128)[],uint32[])[],"
                            + "(string,string[])[])),((string,(int128,int128)[],uint32[])[],(string,string[])[],"
                            + "(string,string)[],bool))", "ModelInferenceEvent(" + String.join(",", types) + ")");
                    assertEquals(Hash.sha3String("ModelInferenceEvent(" + String.join(",", types) + ")")
                            .toLowerCase(Locale.ROOT), PrecompileLogs.MODEL_INFERENCE.toLowerCase(Locale.ROOT));
                    return;
                }
            }
        }
        throw new AssertionError("the ABI has no ModelInferenceEvent");
    }

    private static String canonical(JsonNode p) {
        String type = p.path("type").asText();
        if (!type.startsWith("tuple")) {
            return type;
        }
        List<String> parts = new ArrayList<>();
        p.path("components").forEach(c -> parts.add(canonical(c)));
        return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
    }

    @Test
    void aLogDecodesToItsRequestAndResponse() {
        var request = new IInferencePrecompile.ModelInferenceRequest(BigInteger.TWO, "QmModel",
                new IInferencePrecompile.ModelInput(List.of(new IInferencePrecompile.NumberTensor("x", List.of(
                        new IInferencePrecompile.Number(BigInteger.TWO, BigInteger.valueOf(-1))),
                        List.of(BigInteger.ONE))), List.of(new IInferencePrecompile.StringTensor("s", List.of("a")))));
        var response = new IInferencePrecompile.ModelOutput(List.of(), List.of(), List.of(
                new IInferencePrecompile.JsonScalar("meta", "{\"k\":1}")), false);
        Log l = new Log();
        l.setTopics(List.of(PrecompileLogs.MODEL_INFERENCE));
        l.setData("0x" + FunctionEncoder.encodeConstructor(List.of(new Utf8String("id-7"), request, response)));
        l.setBlockNumber("0x1");
        l.setLogIndex("0x0");
        l.setAddress("0x00000000000000000000000000000000000000f4");
        PrecompileLogs.Event e = PrecompileLogs.decode("rpc", l);
        assertEquals("id-7", e.inferenceId());
        assertEquals(BigInteger.TWO, e.mode());
        assertEquals("QmModel", e.modelCid());
        assertEquals(BigInteger.valueOf(-1), e.input().numbers().getFirst().values().getFirst().decimals());
        assertEquals(List.of("a"), e.input().strings().getFirst().values());
        // a jsons entry is not an output written to the chain: the response still counts as on chain (it has one)
        assertTrue(e.responseOnChain());
        assertTrue(e.response().strings().getFirst().json());
        assertEquals(List.of(), PrecompileLogs.requestMismatches(l.getTopics(), l.getData(), 2, "QmModel"));
        assertEquals(List.of("inference mode on chain 2, stored 0", "model on chain QmModel, stored QmOther"),
                PrecompileLogs.requestMismatches(l.getTopics(), l.getData(), 0, "QmOther"));
        l.setData("0x00");
        assertThrows(RpcAnswerMalformedException.class, () -> PrecompileLogs.decode("rpc", l));
    }

    private static BuiltRecord onchain(String tx, long logIndex, List<io.proofdesk.domain.Tensor> outputs) {
        return new BuiltRecord(new io.proofdesk.domain.Inference(io.proofdesk.domain.RecordId.of(tx, logIndex),
                io.proofdesk.domain.InferenceMode.VANILLA, "QmModel", null, null, null,
                io.proofdesk.domain.SettlementKind.ONCHAIN, 5, java.time.Instant.EPOCH, null, null, null, null, null,
                null, List.of(), List.of(), outputs, null), List.of());
    }

    @Test
    void anEmptyInferenceResultOfAnAsynchronousRunIsLinkedToThePrecompilesRecord() {
        String a = "0x" + "aa".repeat(32);
        String b = "0x" + "bb".repeat(32);
        Log precompileLog = new Log();
        precompileLog.setTransactionHash(a);
        precompileLog.setLogIndex("0x0");
        List<BuiltRecord> records = List.of(onchain(a, 0, List.of()), onchain(a, 1, List.of()),
                onchain(a, 2, List.of(io.proofdesk.domain.Tensor.ofDoubles("y", new long[] {1}, new double[] {1}))),
                onchain(b, 0, List.of()));
        List<BuiltRecord> noted = PrecompileRecordBuilder.noteAsyncResults(records, List.of(precompileLog));
        assertEquals(List.of(), noted.get(0).problems(), "the precompile's own record");
        assertEquals(List.of("output empty on chain: the model ran through the inference precompile, whose record "
                + a + ":0 holds the result"), noted.get(1).problems());
        assertEquals(List.of(), noted.get(2).problems(), "an output on chain needs no link");
        assertEquals(List.of(), noted.get(3).problems(), "another transaction");
        assertEquals(records, PrecompileRecordBuilder.noteAsyncResults(records, List.of()));
    }

    @Test
    void theNodeApisEvidenceIsTrustedAndStaysASentenceWhateverTheLengths() {
        var proved = io.proofdesk.domain.Evidence.proved(12, 0, "genesis");
        var e = PrecompileRecordBuilder.fromNodeApi(proved, "http://127.0.0.1:9/x");
        assertEquals(io.proofdesk.domain.EvidenceLevel.TRUSTED, e.level());
        assertEquals("event: receipt proved against block 12, linked to checkpoint 0 (genesis); output: the node "
                + "API's answer (http://127.0.0.1:9/x), not on chain", e.detail());
        var longChain = new io.proofdesk.domain.Evidence(io.proofdesk.domain.EvidenceLevel.AGREED, "a".repeat(500));
        var clipped = PrecompileRecordBuilder.fromNodeApi(longChain, "http://127.0.0.1:9/" + "b".repeat(400));
        assertTrue(clipped.detail().length() <= io.proofdesk.domain.Evidence.MAX_DETAIL);
        assertTrue(clipped.detail().endsWith("...; output: the node API's answer, not on chain"), clipped.detail());
    }

    private static byte[] answer(String kindJson) {
        String inner = Base64.getEncoder().encodeToString(("{\"InferenceResult\":" + kindJson + "}")
                .getBytes(StandardCharsets.UTF_8));
        return ("{\"inference_results\":[\"" + inner + "\"]}").getBytes(StandardCharsets.UTF_8);
    }

    private static final String OUTPUT = "{\"model_output\":{\"numbers\":[{\"name\":\"y\",\"values\":[{\"value\":\"-15\","
            + "\"decimals\":\"1\"},{\"value\":2,\"decimals\":-1}],\"shape\":[2]}],\"strings\":[{\"name\":\"s\","
            + "\"values\":[\"a\",\"b\"],\"shape\":[1,2]}],\"jsons\":[{\"name\":\"m\",\"value\":\"[1,2]\"}]}}";

    @Test
    void theThreeResultKindsParseAsTheSdkReadsThem() throws NodeApiAnswerException {
        for (var c : List.of(
                new Object[] {"{\"VanillaResult\":" + OUTPUT + "}", NodeInferenceResult.Kind.VANILLA},
                new Object[] {"{\"TeeNodeResult\":{\"Response\":{\"VanillaResponse\":" + OUTPUT + "}}}",
                        NodeInferenceResult.Kind.TEE},
                new Object[] {"{\"ZkmlResult\":" + OUTPUT + "}", NodeInferenceResult.Kind.ZKML})) {
            NodeInferenceResult r = NodeInferenceResult.parse(URL, answer((String) c[0]));
            assertEquals(c[1], r.kind());
            assertEquals("y", r.numbers().getFirst().name());
            assertEquals(List.of(BigInteger.valueOf(-15), BigInteger.TWO), r.numbers().getFirst().values().stream()
                    .map(v -> v.value()).toList());
            assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(-1)), r.numbers().getFirst().values().stream()
                    .map(v -> v.decimals()).toList());
            assertEquals(List.of(2L), r.numbers().getFirst().shape());
            assertEquals(List.of(1L, 2L), r.strings().getFirst().shape());
            assertEquals("[1,2]", r.jsons().getFirst().value());
        }
        assertTrue(NodeInferenceResult.parse(URL, "{\"inference_results\":[]}".getBytes(StandardCharsets.UTF_8))
                .pending());
    }

    @Test
    void aMalformedAnswerSaysWhatAndWhere() {
        for (var c : List.of(
                new String[] {"not json", "the answer is not JSON"},
                new String[] {"{\"inference_results\":[\"%%\"]}", "inference_results[0] is not base64"},
                new String[] {new String(answer("{\"Other\":{}}"), StandardCharsets.UTF_8),
                        "InferenceResult holds none of VanillaResult, TeeNodeResult, ZkmlResult (it holds Other)"},
                new String[] {new String(answer("{\"TeeNodeResult\":{\"Response\":{}}}"), StandardCharsets.UTF_8),
                        "TeeNodeResult has no Response.VanillaResponse"},
                new String[] {new String(answer("{\"VanillaResult\":{\"model_output\":{\"numbers\":[{\"name\":\"y\","
                        + "\"values\":[{\"value\":1.5,\"decimals\":0}]}]}}}"), StandardCharsets.UTF_8),
                        "VanillaResult: \u201c1.5\u201d is not a whole number"})) {
            NodeApiAnswerException e = assertThrows(NodeApiAnswerException.class,
                    () -> NodeInferenceResult.parse(URL, c[0].getBytes(StandardCharsets.UTF_8)));
            assertEquals(URL + ": " + c[1], e.getMessage().substring(0, Math.min(e.getMessage().length(),
                    URL.length() + 2 + c[1].length())));
            assertEquals(URL, e.url());
        }
    }

    @Test
    void theClientCapsAnswersAndKeepsADeadlineNamingTheUrl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String path = x.getRequestURI().getRawPath();
            byte[] body = path.endsWith("/big") ? new byte[64 * 1024] : answer("{\"ZkmlResult\":" + OUTPUT + "}");
            if (path.endsWith("/slow")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // a generous deadline where the answer comes at once (a loaded machine must not fail them), a short one
            // for the answer that comes after 1.5 s
            NodeApiClient client = new NodeApiClient(base, 16 * 1024, Duration.ofSeconds(20));
            assertEquals(NodeInferenceResult.Kind.ZKML, client.result("a b/c").kind());
            IOException big = assertThrows(IOException.class, () -> client.result("big"));
            assertTrue(big.getMessage().contains(base + "/artela-network/artela-rollkit/inference/tx/big"),
                    big.getMessage());
            NodeApiClient impatient = new NodeApiClient(base, 16 * 1024, Duration.ofMillis(500));
            IOException slow = assertThrows(IOException.class, () -> impatient.result("slow"));
            assertTrue(slow.getMessage().startsWith(base + "/artela-network/artela-rollkit/inference/tx/slow"),
                    slow.getMessage());
        } finally {
            server.stop(0);
        }
        assertThrows(IllegalArgumentException.class, () -> new NodeApiClient("not a url"));
    }
}

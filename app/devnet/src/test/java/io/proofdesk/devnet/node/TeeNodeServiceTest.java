package io.proofdesk.devnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.attest.NitroAttestationResult;
import io.proofdesk.attest.NitroAttestationVerifier;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.hub.ModelHubService;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.devnet.tee.DemoAttestationAuthority;
import io.proofdesk.devnet.tee.DemoMeasurements;
import io.proofdesk.devnet.tee.SeededRandom;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.TeeRecordHashes;
import io.proofdesk.node.wire.FixedPointValue;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.ModelInputsJson;
import io.proofdesk.node.wire.NumberTensorJson;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointNumber;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real demo nodes over real HTTP: they run ORT, sign, attest — and lie exactly as labelled. */
class TeeNodeServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ModelZoo ZOO = ModelZoo.standard();
    private static ModelHubService hub;
    private static SessionCache sessions;
    private static DemoAttestationAuthority authority;
    private static final Map<NodeBehaviour, TeeNodeService> NODES = new EnumMap<>(NodeBehaviour.class);

    @BeforeAll
    static void startNetwork() throws IOException {
        hub = new ModelHubService();
        for (ZooModel m : ZOO.models()) {
            hub.publish(new HostedModelFile(m.name(), m.description(), m.version(), "model.onnx", m.cid().toString(),
                    m.sha256(), m.size(), m.bytes()));
        }
        hub.start();
        SecureRandom random = SeededRandom.of("node-test");
        authority = DemoAttestationAuthority.create(random);
        DemoNodeFactory factory = new DemoNodeFactory(authority, random, DemoMeasurements.of("v1"),
                DemoMeasurements.of("rogue"), Instant.now());
        sessions = SessionCache.withDefaults();
        InferenceRunner runner = new InferenceRunner(new ReexecEngine(sessions));
        ZooModel v1 = ZOO.get("credit-mlp", "1.00");
        ZooModel v2 = ZOO.get("credit-mlp", "2.00");
        for (NodeBehaviour b : NodeBehaviour.values()) {
            NODES.put(b, new TeeNodeService(factory.identity("n-" + b.ordinal(), b), b,
                    new FileStoreModelSource(hub.baseUrl()),
                    cid -> cid.equals(v2.cid().toString()) ? v1.cid().toString() : v2.cid().toString(),
                    runner, Clock.systemUTC()).start());
        }
    }

    @AfterAll
    static void stop() {
        NODES.values().forEach(TeeNodeService::close);
        hub.close();
        sessions.close();
    }

    private static String modelInputs(ZooModel m) throws IOException {
        List<NumberTensorJson> numbers = new ArrayList<>();
        FixedPointCodec codec = new FixedPointCodec();
        for (Map.Entry<String, Tensor> e : ZOO.sampleInput(m, 42).entrySet()) {
            FixedPointTensor fp = codec.encode(e.getValue());
            List<FixedPointValue> values = new ArrayList<>();
            for (FixedPointNumber n : fp.values()) {
                values.add(new FixedPointValue(n.value(), n.decimals()));
            }
            List<Long> shape = new ArrayList<>();
            for (long d : fp.shape()) {
                shape.add(d);
            }
            numbers.add(new NumberTensorJson(e.getKey(), values, shape));
        }
        return JSON.writeValueAsString(new ModelInputsJson(numbers, List.of()));
    }

    private static Response post(TeeNodeService node, byte[] body) throws IOException {
        return HTTP.newCall(new Request.Builder().url(node.baseUrl() + "/infer")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute();
    }

    private static InferResponseJson infer(TeeNodeService node, InferRequestJson req) throws IOException {
        try (Response r = post(node, JSON.writeValueAsBytes(req))) {
            assertEquals(200, r.code(), () -> "status " + r.code());
            return JSON.readValue(r.body().bytes(), InferResponseJson.class);
        }
    }

    @Test
    @DisplayName("an honest node runs the model, hashes as documented and signs with its registered key")
    void honest() throws Exception {
        ZooModel m = ZOO.get("digits-cnn", "1.00");
        TeeNodeService node = NODES.get(NodeBehaviour.HONEST);
        InferRequestJson req = new InferRequestJson(m.cid().toString(), modelInputs(m));
        InferResponseJson res = infer(node, req);
        assertEquals(m.sha256(), res.modelHash());
        assertEquals(10, res.output().get(0).result().size());
        byte[] in = TeeRecordHashes.inputHash(req);
        byte[] out = TeeRecordHashes.outputHash(res.output());
        assertEquals(Numeric.toHexString(in), res.teeRequestHash());
        assertEquals(Numeric.toHexString(out), res.teeOutputHash());
        assertTrue(TeeSignatures.verifySettlement(node.identity().registeredKey().publicKey(), in, out,
                BigInteger.valueOf(res.teeTimestamp()), Base64.getDecoder().decode(res.teeSignature())).isValid());
        assertEquals(node.identity().registeredKey().teeId().hex(), res.teeId());
    }

    @Test
    @DisplayName("the same request to the same model gives the same output twice (deterministic ORT)")
    void deterministic() throws Exception {
        ZooModel m = ZOO.get("sensor-gru", "1.00");
        InferRequestJson req = new InferRequestJson(m.cid().toString(), modelInputs(m));
        assertEquals(infer(NODES.get(NodeBehaviour.HONEST), req).output(), infer(NODES.get(NodeBehaviour.HONEST), req).output());
    }

    @Test
    @DisplayName("the forger's output differs from the honest one but its signature is valid over what it reports")
    void forged() throws Exception {
        ZooModel m = ZOO.get("credit-mlp", "1.00");
        InferRequestJson req = new InferRequestJson(m.cid().toString(), modelInputs(m));
        InferResponseJson honest = infer(NODES.get(NodeBehaviour.HONEST), req);
        TeeNodeService forger = NODES.get(NodeBehaviour.FORGED_OUTPUT);
        InferResponseJson forged = infer(forger, req);
        assertNotEquals(honest.output(), forged.output());
        assertTrue(TeeSignatures.verifySettlement(forger.identity().registeredKey().publicKey(),
                TeeRecordHashes.inputHash(req), TeeRecordHashes.outputHash(forged.output()),
                BigInteger.valueOf(forged.teeTimestamp()), Base64.getDecoder().decode(forged.teeSignature())).isValid());
    }

    @Test
    @DisplayName("the swapper runs the other version and says so in model_hash")
    void swapped() throws Exception {
        ZooModel v1 = ZOO.get("credit-mlp", "1.00");
        InferResponseJson res = infer(NODES.get(NodeBehaviour.SWAPPED_MODEL), new InferRequestJson(v1.cid().toString(), modelInputs(v1)));
        assertEquals(ZOO.get("credit-mlp", "2.00").sha256(), res.modelHash());
    }

    @Test
    @DisplayName("the bad signer's signature does not verify under its registered key")
    void badSignature() throws Exception {
        ZooModel m = ZOO.get("price-regressor", "1.00");
        TeeNodeService node = NODES.get(NodeBehaviour.BAD_SIGNATURE);
        InferRequestJson req = new InferRequestJson(m.cid().toString(), modelInputs(m));
        InferResponseJson res = infer(node, req);
        assertFalse(TeeSignatures.verifySettlement(node.identity().registeredKey().publicKey(),
                TeeRecordHashes.inputHash(req), TeeRecordHashes.outputHash(res.output()),
                BigInteger.valueOf(res.teeTimestamp()), Base64.getDecoder().decode(res.teeSignature())).isValid());
    }

    private static NitroAttestationResult attest(TeeNodeService node, byte[] nonce) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder()
                .url(node.baseUrl() + "/enclave/attestation?nonce=" + HexFormat.of().formatHex(nonce)).build()).execute()) {
            assertEquals(200, r.code());
            return new NitroAttestationVerifier(TrustedRoots.of(authority.trustedRoot())).verifyBase64(r.body().string());
        }
    }

    @Test
    @DisplayName("attestation: honest documents echo the nonce and bind the signing key; the replayer's does not echo it")
    void attestation() throws Exception {
        byte[] nonce = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233");
        TeeNodeService honest = NODES.get(NodeBehaviour.HONEST);
        NitroAttestationResult ok = attest(honest, nonce);
        assertTrue(ok.isValid(), ok.reasons().toString());
        assertArrayEquals(nonce, ok.nonce());
        assertTrue(ok.userDataBinding().orElseThrow().bindsKey(honest.identity().registeredKey().publicKeyDer()));
        NitroAttestationResult stale = attest(NODES.get(NodeBehaviour.STALE_ATTESTATION), nonce);
        assertFalse(java.util.Arrays.equals(nonce, stale.nonce()));
        NitroAttestationResult rogue = attest(NODES.get(NodeBehaviour.UNAPPROVED_PCR), nonce);
        assertFalse(java.util.Arrays.equals(ok.pcrHash().orElseThrow(), rogue.pcrHash().orElseThrow()));
    }

    @Test
    @DisplayName("/signing-key serves the PEM whose keccak256(DER) is the TEE id")
    void signingKey() throws Exception {
        TeeNodeService node = NODES.get(NodeBehaviour.HONEST);
        try (Response r = HTTP.newCall(new Request.Builder().url(node.baseUrl() + "/signing-key").build()).execute()) {
            JsonNode body = JSON.readTree(r.body().string());
            byte[] der = PublicKeys.spkiDer(body.get("public_key").asText().getBytes(), "test");
            assertEquals(io.proofdesk.attest.TeeId.of(der).hex(), body.get("tee_id").asText());
        }
    }

    @Test
    @DisplayName("bad JSON, unknown models, wrong input names and oversized bodies get clear HTTP errors")
    void badRequests() throws Exception {
        TeeNodeService node = NODES.get(NodeBehaviour.HONEST);
        try (Response r = post(node, "{not json".getBytes())) {
            assertEquals(400, r.code());
        }
        try (Response r = post(node, JSON.writeValueAsBytes(new InferRequestJson("QmUnknownUnknownUnknownUnknown", "{}")))) {
            assertEquals(404, r.code());
        }
        ZooModel m = ZOO.get("credit-mlp", "1.00");
        String wrong = JSON.writeValueAsString(new ModelInputsJson(List.of(new NumberTensorJson("nope",
                List.of(new FixedPointValue(BigInteger.ONE, BigInteger.ZERO)), List.of(1L))), List.of()));
        try (Response r = post(node, JSON.writeValueAsBytes(new InferRequestJson(m.cid().toString(), wrong)))) {
            assertEquals(400, r.code());
            assertTrue(JSON.readTree(r.body().string()).get("error").asText().contains("nope"));
        }
        try (Response r = post(node, new byte[TeeNodeService.MAX_REQUEST_BYTES + 10])) {
            assertEquals(413, r.code());
        } catch (IOException closedEarly) {
            // the server may close the connection while the client is still sending
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(node.baseUrl() + "/health").build()).execute()) {
            assertEquals(200, r.code());
        }
    }

    @Test
    @DisplayName("as an LLM-style TEE gateway, an honest node's chat answer passes Proofdesk's gateway response check; "
            + "a bad-signature node's does not")
    void chatCompletionsAreSignedAsTheGatewaySigns() throws Exception {
        byte[] request = ("{\"model\":\"demo-chat-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"temperature\":0.0}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (NodeBehaviour b : List.of(NodeBehaviour.HONEST, NodeBehaviour.BAD_SIGNATURE)) {
            TeeNodeService node = NODES.get(b);
            byte[] answer;
            try (Response r = HTTP.newCall(new Request.Builder().url(node.baseUrl() + "/v1/chat/completions")
                    .post(RequestBody.create(request, MediaType.get("application/json"))).build()).execute()) {
                assertEquals(200, r.code());
                answer = r.body().bytes();
            }
            io.proofdesk.gateway.GatewayCheckResult check = new io.proofdesk.gateway.GatewayResponseChecker(
                    new io.proofdesk.gateway.GatewayKeySource.GivenKey(node.identity().registeredKey().publicKey(),
                            "registered key"), node.identity().registeredKey().teeId().hex())
                    .check(answer, "answer.json", request, "request.json");
            assertEquals(b.honest() ? io.proofdesk.gateway.GatewayVerdict.VALID
                    : io.proofdesk.gateway.GatewayVerdict.INVALID, check.verdict(), b + ": " + check.lines());
            String content = JSON.readTree(answer).get("choices").get(0).get("message").get("content").asText();
            assertEquals(DemoTextGenerator.answer("[{\"role\":\"user\",\"content\":\"hi\"}]"), content,
                    "the same prompt always gets the same answer");
        }
    }
}

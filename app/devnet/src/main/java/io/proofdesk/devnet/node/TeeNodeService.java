package io.proofdesk.devnet.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;
import io.proofdesk.node.TeeRecordHashes;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import io.proofdesk.node.wire.OutputTensorJson;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One demo TEE node on 127.0.0.1: {@code /health}, {@code /signing-key}, {@code /enclave/attestation?nonce=},
 * {@code POST /infer} and, as an LLM-style TEE gateway, {@code POST /v1/chat/completions} ({@link ChatCompletions}). It really runs ONNX Runtime and really signs; a dishonest node departs from that in exactly
 * the one way its {@link NodeBehaviour} names.
 */
public final class TeeNodeService implements AutoCloseable {

    static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int MAX_NONCE_BYTES = 64;

    private final NodeIdentity identity;
    private final NodeBehaviour behaviour;
    private final NodeModelSource models;
    private final ModelSwap swap;
    private final InferenceRunner runner;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackHttpServer server;

    /** For SWAPPED_MODEL: which CID the node runs instead of the one asked for. */
    @FunctionalInterface
    public interface ModelSwap {
        String replace(String requestedCid);
    }

    public TeeNodeService(NodeIdentity identity, NodeBehaviour behaviour, NodeModelSource models, ModelSwap swap,
                          InferenceRunner runner, Clock clock) {
        this.identity = identity;
        this.behaviour = behaviour;
        this.models = models;
        this.swap = swap;
        this.runner = runner;
        this.clock = clock;
        this.server = new LoopbackHttpServer(identity.name(), MAX_REQUEST_BYTES)
                .route("GET", "/health", this::health)
                .route("GET", "/signing-key", this::signingKey)
                .route("GET", "/enclave/attestation", this::attestation)
                .route("POST", "/infer", this::infer)
                .route("POST", "/v1/chat/completions",
                        req -> HttpResponse.json(json, new ChatCompletions(identity, clock, json).answer(req.body())));
    }

    public TeeNodeService start() throws IOException {
        server.start(0);
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public NodeIdentity identity() {
        return identity;
    }

    public NodeBehaviour behaviour() {
        return behaviour;
    }

    private HttpResponse health(HttpExchangeView req) throws IOException {
        return HttpResponse.json(json, Map.of("status", "ok", "tee_id", identity.registeredKey().teeId().hex()));
    }

    private HttpResponse signingKey(HttpExchangeView req) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("public_key", identity.registeredKey().publicKeyPem());
        body.put("tee_id", identity.registeredKey().teeId().hex());
        return HttpResponse.json(json, body);
    }

    private HttpResponse attestation(HttpExchangeView req) {
        String nonceHex = req.queryParam("nonce");
        byte[] nonce;
        try {
            nonce = nonceHex == null || nonceHex.isEmpty() ? new byte[0] : HexFormat.of().parseHex(nonceHex);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("nonce must be hex");
        }
        if (nonce.length > MAX_NONCE_BYTES) {
            throw HttpError.badRequest("nonce longer than " + MAX_NONCE_BYTES + " bytes");
        }
        byte[] doc;
        synchronized (identity.attestation()) {
            doc = identity.attestation().document(nonce, clock.instant());
        }
        // nitriding answers with the base64 of the COSE_Sign1 document
        return HttpResponse.ok("text/plain", Base64.getEncoder().encode(doc));
    }

    private HttpResponse infer(HttpExchangeView req) throws IOException {
        InferRequestJson request;
        try {
            request = json.readValue(req.body(), InferRequestJson.class);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body is not an infer request {ipfs_hash, model_inputs}: " + e.getOriginalMessage());
        }
        if (request.ipfsHash() == null || request.modelInputs() == null) {
            throw HttpError.badRequest("infer request needs ipfs_hash and model_inputs");
        }
        String cid = behaviour == NodeBehaviour.SWAPPED_MODEL ? swap.replace(request.ipfsHash()) : request.ipfsHash();
        byte[] model;
        try {
            model = models.modelByCid(cid);
        } catch (UnknownModelException | IllegalArgumentException e) {
            throw HttpError.notFound(e.getMessage());
        }
        List<OutputTensorJson> output = runner.run(model, request.modelInputs());
        if (behaviour == NodeBehaviour.FORGED_OUTPUT) {
            output = OutputForger.forge(output);
        }
        long timestamp = clock.instant().getEpochSecond();
        byte[] inputHash = TeeRecordHashes.inputHash(request);
        byte[] outputHash = TeeRecordHashes.outputHash(output);
        byte[] signature = identity.signingKey().signSettlement(inputHash, outputHash, BigInteger.valueOf(timestamp));
        return HttpResponse.json(json, new InferResponseJson(output, sha256Hex(model),
                Base64.getEncoder().encodeToString(signature), Numeric.toHexString(inputHash),
                Numeric.toHexString(outputHash), timestamp, identity.registeredKey().teeId().hex()));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.proofdesk.devnet.nodeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo chain node's REST API for results of the inference precompile, in the shape OpenGradient's SDK reads
 * ({@code GET /artela-network/artela-rollkit/inference/tx/<inference id>} answering {@code {"inference_results":
 * ["<base64 of {"InferenceResult": {...}}>"]}}, one of VanillaResult, TeeNodeResult.Response.VanillaResponse or
 * ZkmlResult holding the {@code model_output}). An id it does not know is 404; {@link #putPending} answers an empty
 * list, as a node does before the result is in.
 */
public final class NodeApiService implements AutoCloseable {

    public static final String RESULTS = "/artela-network/artela-rollkit/inference/tx/";

    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackHttpServer server = new LoopbackHttpServer("node-api", 1024);
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

    public NodeApiService() {
        server.route("GET", RESULTS, this::get);
    }

    public NodeApiService start() throws IOException {
        server.start(0);
        return this;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** A VANILLA node's result: {@code InferenceResult.VanillaResult.model_output}. */
    public void putVanilla(String inferenceId, JsonNode modelOutput) {
        put(inferenceId, "VanillaResult", wrap(modelOutput));
    }

    /** A TEE node's result: {@code InferenceResult.TeeNodeResult.Response.VanillaResponse.model_output}. */
    public void putTee(String inferenceId, JsonNode modelOutput) {
        ObjectNode response = json.createObjectNode();
        response.set("VanillaResponse", wrap(modelOutput));
        ObjectNode tee = json.createObjectNode();
        tee.set("Response", response);
        put(inferenceId, "TeeNodeResult", tee);
    }

    /** A ZKML node's result: {@code InferenceResult.ZkmlResult.model_output}. */
    public void putZkml(String inferenceId, JsonNode modelOutput) {
        put(inferenceId, "ZkmlResult", wrap(modelOutput));
    }

    /** A result not in yet: an empty {@code inference_results}. */
    public void putPending(String inferenceId) {
        answers.put(inferenceId, "{\"inference_results\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code body} as it is (a node that answers something else than a result). */
    public void putRaw(String inferenceId, byte[] body) {
        answers.put(inferenceId, body.clone());
    }

    private ObjectNode wrap(JsonNode modelOutput) {
        ObjectNode o = json.createObjectNode();
        o.set("model_output", modelOutput);
        return o;
    }

    private void put(String inferenceId, String kind, JsonNode result) {
        ObjectNode inner = json.createObjectNode();
        inner.putObject("InferenceResult").set(kind, result);
        ObjectNode outer = json.createObjectNode();
        try {
            outer.putArray("inference_results").add(Base64.getEncoder().encodeToString(json.writeValueAsBytes(inner)));
            answers.put(inferenceId, json.writeValueAsBytes(outer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private HttpResponse get(HttpExchangeView req) {
        byte[] answer = answers.get(req.rest());
        if (answer == null) {
            throw HttpError.notFound("no inference " + req.rest());
        }
        return HttpResponse.ok("application/json", answer);
    }

    @Override
    public void close() {
        server.close();
    }
}

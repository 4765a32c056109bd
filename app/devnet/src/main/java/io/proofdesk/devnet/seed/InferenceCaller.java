package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.http.HttpClients;
import io.proofdesk.node.wire.InferRequestJson;
import io.proofdesk.node.wire.InferResponseJson;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/** The seeder's client for a node's {@code POST /infer}: it asks like any client would, over HTTP. */
final class InferenceCaller {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private final OkHttpClient http = HttpClients.capped(4 << 20, Duration.ofSeconds(30));
    private final ObjectMapper json = new ObjectMapper();

    InferResponseJson infer(String nodeUrl, InferRequestJson request) throws IOException {
        Request r = new Request.Builder().url(nodeUrl + "/infer")
                .post(RequestBody.create(json.writeValueAsBytes(request), JSON_TYPE)).build();
        try (Response response = http.newCall(r).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw new IOException("node " + nodeUrl + " answered " + response.code() + ": " + new String(body));
            }
            return json.readValue(body, InferResponseJson.class);
        }
    }

    /** A node's {@code POST /v1/chat/completions}: the answer body as the gateway sent it. */
    com.fasterxml.jackson.databind.node.ObjectNode chat(String nodeUrl,
                                                        com.fasterxml.jackson.databind.JsonNode request) throws IOException {
        Request r = new Request.Builder().url(nodeUrl + "/v1/chat/completions")
                .post(RequestBody.create(json.writeValueAsBytes(request), JSON_TYPE)).build();
        try (Response response = http.newCall(r).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw new IOException("node " + nodeUrl + " answered " + response.code() + ": " + new String(body));
            }
            return (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(body);
        }
    }
}

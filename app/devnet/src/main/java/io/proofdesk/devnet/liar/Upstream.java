package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.node.http.HttpClients;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The honest node behind a liar (anvil): raw JSON-RPC bodies forwarded as they are, and calls of the liar's own. */
final class Upstream implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final long MAX_ANSWER_BYTES = 256L << 20;

    private final String url;
    private final ObjectMapper json;
    private final OkHttpClient http = HttpClients.capped(MAX_ANSWER_BYTES, Duration.ofSeconds(120));
    private final AtomicLong ids = new AtomicLong();

    Upstream(String url, ObjectMapper json) {
        this.url = url;
        this.json = json;
    }

    /** Posts a request body as it is and returns the answer's bytes as they are. */
    byte[] post(byte[] body) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response r = http.newCall(request).execute()) {
            if (!r.isSuccessful() || r.body() == null) {
                throw new IOException(url + " answered HTTP " + r.code());
            }
            return r.body().bytes();
        }
    }

    /** A call of the liar's own: its result (null when the node has none), or an IOException for an error. */
    JsonNode call(String method, Object... params) throws IOException {
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", method);
        ArrayNode p = request.putArray("params");
        for (Object param : params) {
            p.add(json.valueToTree(param));
        }
        JsonNode answer = json.readTree(post(json.writeValueAsBytes(request)));
        if (answer.has("error")) {
            throw new IOException(method + " failed on " + url + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

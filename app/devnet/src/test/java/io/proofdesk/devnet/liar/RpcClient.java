package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Raw JSON-RPC for liar tests: the exact bytes an endpoint answers, and their result as a tree. */
final class RpcClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofSeconds(120)).build();

    private RpcClient() {
    }

    static byte[] request(Object... methodAndParams) throws IOException {
        ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 7).put("method", (String) methodAndParams[0]);
        ArrayNode p = r.putArray("params");
        for (int i = 1; i < methodAndParams.length; i++) {
            p.add(JSON.valueToTree(methodAndParams[i]));
        }
        return JSON.writeValueAsBytes(r);
    }

    static byte[] post(String url, byte[] body) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(url)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException(url + " answered HTTP " + r.code());
            }
            return r.body().bytes();
        }
    }

    /** The raw answer to one call. */
    static byte[] raw(String url, Object... methodAndParams) throws IOException {
        return post(url, request(methodAndParams));
    }

    /** The result of one call. */
    static JsonNode result(String url, Object... methodAndParams) throws IOException {
        JsonNode answer = JSON.readTree(raw(url, methodAndParams));
        if (answer.has("error")) {
            throw new IOException(url + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** The logs of {@code addresses} from block 0 to the head. */
    static List<JsonNode> logs(String url, List<String> addresses) throws IOException {
        ObjectNode filter = JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", "latest");
        addresses.forEach(filter.putArray("address")::add);
        List<JsonNode> out = new ArrayList<>();
        result(url, "eth_getLogs", filter).forEach(out::add);
        return out;
    }

    static long number(JsonNode hex) {
        return Long.parseLong(hex.asText().substring(2), 16);
    }

    static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }
}

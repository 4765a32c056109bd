package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC endpoint on 127.0.0.1 that answers only what was recorded: each (method, params) gets its recorded
 * answers in recorded order (the last one again once they run out), with the caller's request id. Anything not
 * recorded is a JSON-RPC error naming it, so a test cannot pass on answers nobody recorded. Test only.
 */
final class ReplayRpcServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Deque<JsonNode>> answers = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final HttpServer server;

    /** {@code exchanges}: [{request: {method, params}, response: {jsonrpc, id, result | error}}], in recorded order. */
    ReplayRpcServer(JsonNode exchanges) throws IOException {
        for (JsonNode e : exchanges) {
            answers.computeIfAbsent(key(e.get("request")), k -> new ArrayDeque<>()).add(e.get("response"));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static ReplayRpcServer ofResource(String path) throws IOException {
        try (InputStream in = ReplayRpcServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no resource " + path);
            }
            return new ReplayRpcServer(JSON.readTree(in).get("exchanges"));
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request asked, as "method params", in order. */
    synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    private static String key(JsonNode request) {
        JsonNode params = request.get("params");
        return request.get("method").asText() + " " + (params == null || params.isNull() ? "[]" : params.toString());
    }

    private void handle(HttpExchange x) throws IOException {
        JsonNode body;
        try (InputStream in = x.getRequestBody()) {
            body = JSON.readTree(in.readAllBytes());
        }
        JsonNode answer;
        if (body.isArray()) {
            ArrayNode all = JSON.createArrayNode();
            body.forEach(r -> all.add(answer(r)));
            answer = all;
        } else {
            answer = answer(body);
        }
        byte[] bytes = JSON.writeValueAsBytes(answer);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized JsonNode answer(JsonNode request) {
        String key = key(request);
        asked.add(key);
        ObjectNode out = JSON.createObjectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", request.get("id"));
        Deque<JsonNode> recorded = answers.get(key);
        if (recorded == null) {
            ObjectNode error = out.putObject("error");
            error.put("code", -32601);
            error.put("message", "not recorded: " + key);
            return out;
        }
        JsonNode r = recorded.size() > 1 ? recorded.poll() : recorded.peek();
        if (r.has("error")) {
            out.set("error", r.get("error"));
        } else {
            out.set("result", r.get("result"));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.proofdesk.devnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC endpoint on 127.0.0.1 that forwards to anvil and corrupts the answers of one method in one labelled way,
 * for hostile-input tests. Batch requests pass through untouched.
 */
final class HostileRpc implements AutoCloseable {

    enum Fault {
        MALFORMED_JSON, WRONG_CHAIN_ID, LOG_OUT_OF_RANGE, LOG_FROM_OTHER_ADDRESS, OVERSIZED, STALL, JSON_RPC_ERROR
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI upstream;
    private final Fault fault;
    private final String method;

    HostileRpc(String upstreamUrl, Fault fault, String method) throws IOException {
        this.upstream = URI.create(upstreamUrl);
        this.fault = fault;
        this.method = method;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-rpc");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode request = json.readTree(body);
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] out = answer.body();
            if (request.isObject() && method.equals(request.path("method").asText())) {
                out = corrupt(request, out, ex);
                if (out == null) {
                    return; // the fault already answered (or never will)
                }
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
        }
    }

    private byte[] corrupt(JsonNode request, byte[] answer, HttpExchange ex) throws IOException {
        ObjectNode a = (ObjectNode) json.readTree(answer);
        switch (fault) {
            case MALFORMED_JSON -> {
                return new String(answer, StandardCharsets.UTF_8).substring(0, answer.length / 2)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case WRONG_CHAIN_ID -> a.put("result", "0x1");
            case LOG_OUT_OF_RANGE -> {
                long to = Long.decode(request.path("params").get(0).path("toBlock").asText());
                for (JsonNode log : a.path("result")) {
                    ((ObjectNode) log).put("blockNumber", "0x" + Long.toHexString(to + 5));
                }
            }
            case LOG_FROM_OTHER_ADDRESS -> {
                for (JsonNode log : a.path("result")) {
                    ((ObjectNode) log).put("address", "0x000000000000000000000000000000000000dead");
                }
            }
            case JSON_RPC_ERROR -> {
                a.remove("result");
                a.putObject("error").put("code", -32000).put("message", "internal failure of the hostile endpoint");
            }
            case OVERSIZED -> {
                // 6 MiB of padding inside a syntactically valid answer, streamed without a length
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                OutputStream os = ex.getResponseBody();
                os.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[],\"pad\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                try {
                    for (int i = 0; i < 96; i++) {
                        os.write(chunk);
                    }
                    os.write("\"}".getBytes(StandardCharsets.UTF_8));
                } catch (IOException closedByClient) {
                    // the client stopped reading at its cap, as it should
                }
                return null;
            }
            case STALL -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
        }
        return json.writeValueAsBytes(a);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

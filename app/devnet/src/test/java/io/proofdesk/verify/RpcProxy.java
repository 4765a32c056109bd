package io.proofdesk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC forwarder on 127.0.0.1 in front of a real node: it notes the methods of every HTTP request (a batch
 * is one request with several), and can refuse requests or hand out receipts of another transaction, as a broken
 * or lying endpoint would.
 */
final class RpcProxy implements AutoCloseable {

    enum Mode { FORWARD, REFUSE, OTHER_TRANSACTION }

    static final String OTHER_TX = "0x" + "ab".repeat(32);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> answerBytes = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.FORWARD;

    RpcProxy(String upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The methods of each HTTP request so far, in arrival order. */
    List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** How many times {@code method} was asked, alone or in a batch. */
    long asked(String method) {
        return requests.stream().flatMap(List::stream).filter(method::equals).count();
    }

    List<Integer> answerBytes() {
        return List.copyOf(answerBytes);
    }

    void reset() {
        requests.clear();
        answerBytes.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode request = JSON.readTree(body);
            List<String> methods = new ArrayList<>();
            if (request.isArray()) {
                request.forEach(r -> methods.add(r.path("method").asText()));
            } else {
                methods.add(request.path("method").asText());
            }
            requests.add(List.copyOf(methods));
            if (mode == Mode.REFUSE) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] answer;
            try {
                answer = client.send(HttpRequest.newBuilder(URI.create(upstream))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (mode == Mode.OTHER_TRANSACTION) {
                JsonNode tree = JSON.readTree(answer);
                (tree.isArray() ? tree : JSON.createArrayNode().add(tree)).forEach(RpcProxy::otherTransaction);
                answer = JSON.writeValueAsBytes(tree);
            }
            answerBytes.add(answer.length);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
        }
    }

    private static void otherTransaction(JsonNode answer) {
        if (answer.get("result") instanceof ObjectNode result && result.has("transactionHash")) {
            result.put("transactionHash", OTHER_TX);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        client.close();
    }
}

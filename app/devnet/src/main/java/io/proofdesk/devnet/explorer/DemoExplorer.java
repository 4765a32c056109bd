package io.proofdesk.devnet.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;
import io.proofdesk.devnet.liar.LieTargets;
import io.proofdesk.node.http.HttpClients;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The demo network's block explorer: the Etherscan-compatible log API that Etherscan and Blockscout serve,
 * {@code GET /api?module=logs&action=getLogs&fromBlock=&toBlock=&address=&topic0=&page=&offset=}, answered from the
 * chain itself (eth_getLogs and the blocks' timestamps). Like Etherscan it answers at most 1,000 logs a page, status
 * 1 with the logs, or status 0 "No records found" with an empty result, or status 0 "NOTOK" with the error as result.
 * Block numbers, indexes and timestamps are 0x-prefixed hex, as Blockscout writes them. With an {@link ExplorerLie}
 * it lies that way about the inference and settlement logs, so that a disagreeing explorer can be shown and tested.
 */
public final class DemoExplorer implements AutoCloseable {

    static final int MAX_OFFSET = 1000;
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern TOPIC = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final String chainUrl;
    private final LieTargets targets;
    private final ExplorerLie lie;
    private final ObjectMapper json = new ObjectMapper();
    private final OkHttpClient http = HttpClients.capped(256L << 20, Duration.ofSeconds(60));
    private final LoopbackHttpServer server;

    private DemoExplorer(String chainUrl, LieTargets targets, ExplorerLie lie) {
        this.chainUrl = chainUrl;
        this.targets = targets;
        this.lie = lie;
        this.server = new LoopbackHttpServer("explorer" + (lie == null ? "" : "-lying-" + lie.key()), 1024)
                .route("GET", "/api", this::api);
    }

    /** An honest explorer of the chain at {@code chainUrl}, on a free port of 127.0.0.1. */
    public static DemoExplorer start(String chainUrl) throws IOException {
        return start(chainUrl, null, null);
    }

    /** An explorer that lies in {@code lie}'s way about the logs of {@code targets} (null: an honest one). */
    public static DemoExplorer start(String chainUrl, LieTargets targets, ExplorerLie lie) throws IOException {
        if (lie != null && targets == null) {
            throw new IllegalArgumentException("a lying explorer needs the contracts it lies about");
        }
        DemoExplorer e = new DemoExplorer(chainUrl, targets, lie);
        try {
            e.server.start(0);
        } catch (IOException | RuntimeException ex) {
            e.close();
            throw ex;
        }
        return e;
    }

    /** The explorer's base URL; its API is at {@code /api} under it. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public ExplorerLie lie() {
        return lie;
    }

    private HttpResponse api(HttpExchangeView req) throws IOException {
        if (!req.rest().isEmpty() && !req.rest().equals("/")) {
            throw HttpError.notFound("no such path on the explorer: " + req.path());
        }
        if (!"logs".equals(req.queryParam("module")) || !"getLogs".equals(req.queryParam("action"))) {
            return notOk("Error! this demo explorer serves only module=logs&action=getLogs");
        }
        long from = number(req, "fromBlock");
        long to = number(req, "toBlock");
        String address = req.queryParam("address");
        String topic0 = req.queryParam("topic0");
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return notOk("Error! Invalid address format");
        }
        if (topic0 != null && !TOPIC.matcher(topic0).matches()) {
            return notOk("Error! Invalid topic0 format");
        }
        int page = (int) Math.max(1, optionalNumber(req, "page", 1));
        int offset = (int) Math.min(MAX_OFFSET, Math.max(1, optionalNumber(req, "offset", MAX_OFFSET)));
        if (from < 0 || to < from) {
            return notOk("Error! fromBlock must not be above toBlock");
        }
        ObjectNode filter = json.createObjectNode().put("fromBlock", hex(from)).put("toBlock", hex(to))
                .put("address", address);
        if (topic0 != null) {
            filter.putArray("topics").add(topic0);
        }
        JsonNode logs = call("eth_getLogs", filter);
        List<JsonNode> all = new ArrayList<>();
        logs.forEach(all::add);
        long skip = (long) (page - 1) * offset;
        List<JsonNode> shown = all.stream().skip(skip).limit(offset).toList();
        if (shown.isEmpty()) {
            return answer("0", "No records found", json.createArrayNode());
        }
        Map<String, String> timestamps = timestamps(shown);
        ArrayNode result = json.createArrayNode();
        for (JsonNode l : shown) {
            if (lie == ExplorerLie.OMIT && targets.picked(l)) {
                continue;
            }
            ObjectNode o = result.addObject();
            o.put("address", l.path("address").asText().toLowerCase(Locale.ROOT));
            o.set("topics", l.path("topics"));
            String data = l.path("data").asText();
            if (lie == ExplorerLie.ALTER_DATA && targets.picked(l) && data.length() >= 4) {
                int last = Integer.parseInt(data.substring(data.length() - 2), 16) ^ 0x01;
                data = data.substring(0, data.length() - 2) + String.format("%02x", last);
            }
            o.put("data", data);
            o.put("blockNumber", l.path("blockNumber").asText());
            o.put("blockHash", l.path("blockHash").asText());
            o.put("timeStamp", timestamps.get(l.path("blockNumber").asText()));
            o.put("logIndex", l.path("logIndex").asText());
            o.put("transactionHash", l.path("transactionHash").asText());
            o.put("transactionIndex", l.path("transactionIndex").asText());
        }
        return answer("1", "OK", result);
    }

    /** Each block's timestamp (hex), as Etherscan's timeStamp field gives it. */
    private Map<String, String> timestamps(List<JsonNode> logs) throws IOException {
        TreeSet<String> blocks = new TreeSet<>();
        logs.forEach(l -> blocks.add(l.path("blockNumber").asText()));
        Map<String, String> out = new HashMap<>();
        for (String b : blocks) {
            out.put(b, call("eth_getBlockByNumber", b, false).path("timestamp").asText());
        }
        return out;
    }

    private JsonNode call(String method, Object... params) throws IOException {
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        ArrayNode p = request.putArray("params");
        for (Object param : params) {
            p.add(json.valueToTree(param));
        }
        Request r = new Request.Builder().url(chainUrl)
                .post(RequestBody.create(json.writeValueAsBytes(request), JSON_TYPE)).build();
        try (Response answer = http.newCall(r).execute()) {
            if (!answer.isSuccessful() || answer.body() == null) {
                throw new IOException(chainUrl + " answered HTTP " + answer.code() + " to " + method);
            }
            JsonNode body = json.readTree(answer.body().bytes());
            if (body.has("error")) {
                throw new IOException(method + " failed on " + chainUrl + ": " + body.get("error"));
            }
            return body.path("result");
        }
    }

    private HttpResponse answer(String status, String message, JsonNode result) throws IOException {
        ObjectNode o = json.createObjectNode().put("status", status).put("message", message);
        o.set("result", result);
        return HttpResponse.json(json, o);
    }

    private HttpResponse notOk(String error) throws IOException {
        return answer("0", "NOTOK", json.getNodeFactory().textNode(error));
    }

    private static long number(HttpExchangeView req, String name) {
        String v = req.queryParam(name);
        if (v == null || !v.matches("\\d{1,18}")) {
            throw HttpError.badRequest(name + " must be a block number in decimal digits");
        }
        return Long.parseLong(v);
    }

    private static long optionalNumber(HttpExchangeView req, String name, long fallback) {
        String v = req.queryParam(name);
        return v == null || v.isEmpty() ? fallback : v.matches("\\d{1,9}") ? Long.parseLong(v) : fallback;
    }

    private static String hex(long n) {
        return "0x" + Long.toHexString(n);
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

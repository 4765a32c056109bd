package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.http.HttpExchangeView;
import io.proofdesk.devnet.http.HttpResponse;
import io.proofdesk.devnet.http.LoopbackHttpServer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC endpoint on 127.0.0.1 in front of an honest node (the demo network's anvil) that lies in one
 * {@link LieMode}. Requests, single or batched, go to the honest node; the liar changes what its mode is about in the
 * answers, invents answers for what it made up, and passes everything else through byte for byte. It exists so that
 * Proofdesk can be shown, and tested, catching an endpoint that lies.
 */
public final class LyingRpc implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 8 << 20;
    private static final String JSON_TYPE = "application/json";

    private final LieMode mode;
    private final ObjectMapper json = new ObjectMapper();
    private final Upstream upstream;
    private final Lie lie;
    private final Long forkHeight;
    private final LoopbackHttpServer server;

    private LyingRpc(String upstreamUrl, LieMode mode, LieTargets targets, LieSettings settings) throws IOException {
        this.mode = mode;
        this.upstream = new Upstream(upstreamUrl, json);
        this.forkHeight = mode == LieMode.FORK ? forkHeight(settings) : null;
        this.lie = switch (mode) {
            case OMIT -> new OmittingLie(targets, true);
            case OMIT_LOGS -> new OmittingLie(targets, false);
            case DUPLICATE -> new DuplicatingLie();
            case PHANTOM -> new PhantomLie(targets, upstream);
            case ALTER_CALLDATA -> new CalldataLie(targets);
            case ALTER_RECEIPT -> new ReceiptDataLie(targets);
            case FORGED_HEADER -> new HeaderForgeryLie();
            case FORK -> new ForkLie(forkHeight);
            case SLOW_DRIP -> new SlowDripLie(settings.dripInterval());
        };
        this.server = new LoopbackHttpServer("lying-rpc-" + mode.key(), MAX_REQUEST_BYTES).route("POST", "/", this::handle);
    }

    /**
     * Starts a liar in front of {@code upstreamUrl} on a free port of 127.0.0.1.
     *
     * @param targets the contracts whose logs and transactions it lies about
     */
    public static LyingRpc start(String upstreamUrl, LieMode mode, LieTargets targets, LieSettings settings)
            throws IOException {
        LyingRpc liar = new LyingRpc(upstreamUrl, mode, targets, settings);
        try {
            liar.server.start(0);
        } catch (IOException | RuntimeException e) {
            liar.close();
            throw e;
        }
        return liar;
    }

    public static LyingRpc start(String upstreamUrl, LieMode mode, LieTargets targets) throws IOException {
        return start(upstreamUrl, mode, targets, LieSettings.DEFAULT);
    }

    private long forkHeight(LieSettings settings) throws IOException {
        if (settings.forkHeight() != null) {
            return settings.forkHeight();
        }
        return Math.max(1, RpcJson.quantity(upstream.call("eth_blockNumber")) / 2);
    }

    public String url() {
        return server.baseUrl();
    }

    public LieMode mode() {
        return mode;
    }

    /** The first block of the fork's own chain, or null when the mode is not {@link LieMode#FORK}. */
    public Long forkHeight() {
        return forkHeight;
    }

    private HttpResponse handle(HttpExchangeView request) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(request.body());
        } catch (JsonProcessingException notJson) {
            return HttpResponse.ok(JSON_TYPE, upstream.post(request.body())); // the honest node says what is wrong
        }
        List<ObjectNode> asked = new ArrayList<>();
        if (tree instanceof ArrayNode batch) {
            batch.forEach(r -> asked.add(r instanceof ObjectNode o ? o : json.createObjectNode()));
        } else if (tree instanceof ObjectNode single) {
            asked.add(single);
        }
        if (asked.isEmpty()) {
            return HttpResponse.ok(JSON_TYPE, upstream.post(request.body()));
        }
        Duration pace = null;
        for (ObjectNode r : asked) {
            pace = pace != null ? pace : lie.pace(Lie.method(r));
        }
        HttpResponse response = answer(request.body(), tree.isArray(), asked);
        return pace == null ? response : response.dripped(pace);
    }

    private HttpResponse answer(byte[] body, boolean batch, List<ObjectNode> asked) throws IOException {
        Map<Integer, ObjectNode> own = new HashMap<>();
        List<ObjectNode> forwarded = new ArrayList<>();
        boolean requestsChanged = false;
        for (int i = 0; i < asked.size(); i++) {
            ObjectNode r = asked.get(i);
            JsonNode result = lie.ownResult(Lie.method(r), r.path("params"));
            if (result != null) {
                own.put(i, json.createObjectNode().put("jsonrpc", "2.0").<ObjectNode>set("id", r.get("id"))
                        .set("result", result));
                continue;
            }
            ObjectNode copy = r.deepCopy();
            requestsChanged |= lie.rewriteRequest(copy);
            forwarded.add(copy);
        }
        byte[] honest = null;
        Map<JsonNode, ObjectNode> answersById = new HashMap<>();
        if (!forwarded.isEmpty()) {
            byte[] out = own.isEmpty() && !requestsChanged ? body
                    : json.writeValueAsBytes(batch ? json.createArrayNode().addAll(forwarded) : forwarded.getFirst());
            honest = upstream.post(out);
            JsonNode answers = json.readTree(honest);
            for (JsonNode a : answers.isArray() ? answers : List.of(answers)) {
                if (a instanceof ObjectNode o) {
                    answersById.put(o.path("id"), o);
                }
            }
        }
        boolean changed = !own.isEmpty();
        List<ObjectNode> ordered = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ObjectNode a = own.containsKey(i) ? own.get(i) : answersById.get(asked.get(i).path("id"));
            if (a == null) {
                return HttpResponse.ok(JSON_TYPE, honest); // ids the liar cannot pair: pass the node's answer on
            }
            if (!own.containsKey(i) && a.has("result")) {
                changed |= lie.rewriteAnswer(asked.get(i), a);
            }
            ordered.add(a);
        }
        if (!changed && honest != null) {
            return HttpResponse.ok(JSON_TYPE, honest);
        }
        return HttpResponse.ok(JSON_TYPE, json.writeValueAsBytes(batch ? json.createArrayNode().addAll(ordered)
                : ordered.getFirst()));
    }

    @Override
    public void close() {
        server.close();
        upstream.close();
    }
}

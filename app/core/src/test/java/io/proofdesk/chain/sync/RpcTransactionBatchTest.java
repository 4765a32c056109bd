package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Transaction;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions with large calldata are fetched in batches that fit the answer cap, over real HTTP on 127.0.0.1. */
class RpcTransactionBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INPUT_BYTES = 5_000;

    private HttpServer server;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            ArrayNode answers = JSON.createArrayNode();
            batchSizes.add(req.size());
            for (JsonNode r : req) {
                String hash = r.get("params").get(0).asText();
                var tx = answers.addObject().put("jsonrpc", "2.0").put("id", r.get("id").asLong()).putObject("result");
                tx.put("hash", hash).put("input", inputOf(hash));
            }
            byte[] body = JSON.writeValueAsBytes(answers);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static String hash(int i) {
        return String.format("0x%064x", i + 1);
    }

    /** Each transaction's calldata is distinct, so a mix-up between batches would show. */
    private static String inputOf(String hash) {
        byte[] b = new byte[INPUT_BYTES];
        byte seed = (byte) Integer.parseInt(hash.substring(hash.length() - 2), 16);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed + i);
        }
        return "0x" + HexFormat.of().formatHex(b);
    }

    @Test
    @DisplayName("a chunk's transactions come in batches of at most 16, halved while an answer passes the cap")
    void batchesFitTheCap() {
        // one transaction answers ~10 KB; the cap fits 4 of them, not 16
        SyncLimits limits = SyncLimits.DEFAULT.withRpc(48 * 1024, Duration.ofSeconds(10));
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hashes.add(hash(i));
        }
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), limits)) {
            Map<String, Transaction> txs = rpc.transactions(hashes);
            assertEquals(40, txs.size());
            for (String h : hashes) {
                assertEquals(inputOf(h), txs.get(h).getInput());
            }
        }
        assertTrue(batchSizes.stream().allMatch(n -> n <= RpcEndpoint.TRANSACTIONS_PER_BATCH), batchSizes.toString());
        assertTrue(batchSizes.contains(4), "halved down to batches that fit: " + batchSizes);
    }

    @Test
    @DisplayName("one transaction larger than the cap is still refused as too large")
    void oneTransactionOverTheCap() {
        SyncLimits limits = SyncLimits.DEFAULT.withRpc(4 * 1024, Duration.ofSeconds(10));
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), limits)) {
            RpcAnswerTooLargeException e = assertThrows(RpcAnswerTooLargeException.class,
                    () -> rpc.transactions(List.of(hash(0), hash(1), hash(2))));
            assertTrue(e.getMessage().contains("x1"), e.getMessage());
        }
    }
}

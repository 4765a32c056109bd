package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.UnsupportedRpcUrlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One deadline per call for its whole answer, one budget for calls of a method that keep running out of time, and
 * messages that name the endpoint and the method, against an endpoint on 127.0.0.1 that can drip its answers.
 */
class RpcDeadlineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final SyncLimits LIMITS = SyncLimits.DEFAULT.withRpc(1L << 20, DEADLINE, BUDGET);

    private HttpServer server;
    /** Raw JSON of each method's result. */
    private final Map<String, String> results = new ConcurrentHashMap<>(Map.of("eth_chainId", "\"0x7a69\"",
            "eth_blockNumber", "\"0x10\"", "eth_getLogs", "[]"));
    /** Methods whose answer comes one byte every 200 ms (a 40-byte answer would take 8 s). */
    private final Set<String> dripped = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rpc-deadline-test");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try (ex) {
                JsonNode req = JSON.readTree(ex.getRequestBody());
                String method = req.path("method").asText();
                asked.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + req.path("id") + ",\"result\":" + results.get(method)
                        + "}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                OutputStream out = ex.getResponseBody();
                for (byte b : body) {
                    out.write(b);
                    if (dripped.contains(method)) {
                        out.flush();
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException | IOException stopped) {
                // the client gave up on the answer
            }
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

    private int asked(String method) {
        return asked.getOrDefault(method, new AtomicInteger()).get();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @DisplayName("an answer that keeps coming, a byte at a time, fails at the deadline of the whole answer")
    void drippedAnswerFailsAtTheDeadline() {
        dripped.add("eth_blockNumber");
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), LIMITS)) {
            rpc.chainId();
            long start = System.nanoTime();
            RpcTimeoutException e = assertThrows(RpcTimeoutException.class, rpc::headNumber);
            long took = millisSince(start);
            assertTrue(took >= 1_900 && took < 4_000, took + " ms");
            assertEquals(url(), e.endpoint());
            assertEquals(url() + ": eth_blockNumber: no answer in time (the whole answer must arrive within 2 s)",
                    e.getMessage());
            assertEquals(31_337, rpc.chainId(), "another method is not held to eth_blockNumber's streak");
        }
    }

    @Test
    @DisplayName("a dripped log range is retried once within the budget, then the endpoint is too slow, by name")
    void logRetriesEndWithinTheBudget() {
        dripped.add("eth_getLogs");
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), LIMITS)) {
            rpc.chainId(); // the client's first call loads classes and connects: not part of what is measured
            long start = System.nanoTime();
            RangeRefusedException first = assertThrows(RangeRefusedException.class,
                    () -> rpc.logs(new BlockRange(0, 1999), List.of(CONTRACT), List.of()));
            assertTrue(first.asFailure() instanceof RpcTimeoutException, first.getMessage());
            RpcTimeoutException slow = assertThrows(RpcTimeoutException.class,
                    () -> rpc.logs(new BlockRange(0, 999), List.of(CONTRACT), List.of()));
            long took = millisSince(start);
            assertTrue(took >= 2_900 && took < 6_000, "both calls took " + took + " ms, the budget is 3 s");
            assertEquals(url(), slow.endpoint());
            assertEquals(url() + ": eth_getLogs(0..999): no answer in time (the whole answer must arrive within 2 s);"
                    + " 2 calls of eth_getLogs in a row ran out of time, 3 s in all: this endpoint is too slow",
                    slow.getMessage());
            // given up: the next call is refused at once, without asking the endpoint again
            long before = System.nanoTime();
            assertThrows(RpcTimeoutException.class, () -> rpc.logs(new BlockRange(0, 499), List.of(CONTRACT), List.of()));
            assertTrue(millisSince(before) < 100);
            assertEquals(2, asked("eth_getLogs"));
            assertEquals(3, rpc.stats().failures(), "each refused call counted once");
        }
    }

    @Test
    @DisplayName("an answer in time ends a streak of calls that ran out of time")
    void answerInTimeEndsTheStreak() throws RangeRefusedException {
        dripped.add("eth_getLogs");
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), LIMITS)) {
            rpc.chainId();
            assertThrows(RangeRefusedException.class,
                    () -> rpc.logs(new BlockRange(0, 1999), List.of(CONTRACT), List.of()));
            dripped.clear();
            assertEquals(List.of(), rpc.logs(new BlockRange(0, 999), List.of(CONTRACT), List.of()));
            dripped.add("eth_getLogs");
            RangeRefusedException again = assertThrows(RangeRefusedException.class,
                    () -> rpc.logs(new BlockRange(1000, 1999), List.of(CONTRACT), List.of()));
            assertTrue(again.getMessage().contains("within 2 s)"), "a full deadline again: " + again.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource(delimiter = '|', value = {
            "eth_blockNumber|\"-0x5\"|the answer '-0x5' is not a quantity (a 0x-prefixed hex number without a sign)",
            "eth_blockNumber|\"0x\"|the answer '0x' is not a quantity",
            "eth_blockNumber|16|the answer '16' is not a quantity",
            "eth_blockNumber|null|the answer holds no result",
            "eth_chainId|\"0xffffffffffffffffff\"|the answer '0xffffffffffffffffff' is not a quantity",
            "eth_chainId|\"0x7fffffffffffffff\"|is too large to be a block number or chain id"})
    @DisplayName("a malformed number is refused with the endpoint, the method and the answer")
    void malformedNumbers(String method, String result, String problem) {
        results.put(method, result);
        try (RpcEndpoint rpc = RpcEndpoint.open(url(), LIMITS)) {
            RpcAnswerMalformedException e = assertThrows(RpcAnswerMalformedException.class,
                    () -> {
                        if (method.equals("eth_chainId")) {
                            rpc.chainId();
                        } else {
                            rpc.headNumber();
                        }
                    });
            assertEquals(url(), e.endpoint());
            assertTrue(e.getMessage().startsWith(url() + ": " + method + ": ") && e.getMessage().contains(problem),
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/rpc", "127.0.0.1:8545", "http://", " "})
    @DisplayName("an RPC URL that is not http(s) is refused as bad input before any call")
    void unsupportedSchemes(String url) {
        UnsupportedRpcUrlException e = assertThrows(UnsupportedRpcUrlException.class, () -> RpcEndpoint.open(url, LIMITS));
        assertTrue(e instanceof IllegalArgumentException);
        assertThrows(UnsupportedRpcUrlException.class, () -> SyncConfig.of(url, 31337L,
                new ContractAddresses(CONTRACT, CONTRACT, CONTRACT, null), null, null));
        assertTrue(e.getMessage().contains(url.isBlank() ? "empty" : "'" + url + "' is not an http:// or https:// URL"),
                e.getMessage());
    }

    @Test
    @DisplayName("the budget may not be shorter than one call's deadline")
    void budgetNoShorterThanTheDeadline() {
        assertThrows(IllegalArgumentException.class,
                () -> SyncLimits.DEFAULT.withRpc(1L << 20, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(30), SyncLimits.DEFAULT.rpcTimeout());
        assertTrue(SyncLimits.DEFAULT.rpcBudget().compareTo(Duration.ofSeconds(60)) < 0,
                "a slow endpoint is given up well within a minute");
    }
}

package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.proofdesk.chain.BlockRange;
import io.proofdesk.chain.UnsupportedExplorerUrlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explorer log source against a fake Etherscan-compatible explorer on 127.0.0.1: the shapes Blockscout and
 * Etherscan answer in, the 1,000-log pages (split ranges, paged blocks), and hostile answers, each refused with a
 * sentence naming the explorer's API.
 */
class ExplorerLogSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String B = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
    private static final String T1 = "0x" + "11".repeat(32);
    private static final String T2 = "0x" + "22".repeat(32);
    private static final SyncLimits LIMITS = SyncLimits.DEFAULT.withRpc(1L << 20, Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    private HttpServer server;
    /** Answers a request's query parameters with a body; replaced per test. */
    private volatile Function<Map<String, String>, String> answer;
    private final List<Map<String, String>> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "explorer-test");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api", ex -> {
            try (ex) {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                asked.add(q);
                byte[] body = answer.apply(q).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                OutputStream out = ex.getResponseBody();
                boolean drip = q.containsKey("drip");
                for (byte b : body) {
                    out.write(b);
                    if (drip) {
                        out.flush();
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException | IOException stopped) {
                // the client gave up
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private ExplorerLogSource source() {
        return ExplorerLogSource.open(base(), LIMITS);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static ObjectNode log(String address, String topic, long block, long index) {
        ObjectNode l = JSON.createObjectNode();
        l.put("address", address);
        ArrayNode topics = l.putArray("topics");
        topics.add(topic);
        topics.addNull();
        topics.addNull();
        topics.addNull();
        l.put("data", "0x" + String.format("%064x", block * 10_000 + index));
        l.put("blockNumber", "0x" + Long.toHexString(block));
        l.put("timeStamp", "0x6553f100");
        l.put("logIndex", "0x" + Long.toHexString(index));
        l.put("transactionHash", "0x" + String.format("%064x", block * 100 + index));
        l.put("transactionIndex", "0x0");
        return l;
    }

    private static String ok(List<ObjectNode> logs) {
        ObjectNode o = JSON.createObjectNode().put("status", "1").put("message", "OK");
        o.putArray("result").addAll(logs);
        return o.toString();
    }

    /** An explorer holding {@code all}, answering each query's address, topic0 and blocks, {@code pages} or not. */
    private Function<Map<String, String>, String> holding(List<ObjectNode> all, boolean pages) {
        return q -> {
            long from = Long.parseLong(q.get("fromBlock"));
            long to = Long.parseLong(q.get("toBlock"));
            int page = pages ? Integer.parseInt(q.getOrDefault("page", "1")) : 1;
            int offset = Integer.parseInt(q.getOrDefault("offset", "1000"));
            List<ObjectNode> match = all.stream().filter(l -> l.get("address").asText().equals(q.get("address")))
                    .filter(l -> !q.containsKey("topic0") || l.get("topics").get(0).asText().equals(q.get("topic0")))
                    .filter(l -> {
                        long b = Long.decode(l.get("blockNumber").asText());
                        return b >= from && b <= to;
                    }).skip((long) (page - 1) * offset).limit(Math.min(offset, 1000)).toList();
            return match.isEmpty() ? "{\"status\":\"0\",\"message\":\"No records found\",\"result\":[]}" : ok(match);
        };
    }

    @Test
    @DisplayName("a Blockscout answer becomes logs: hex numbers, the null topic slots dropped, only asked topics kept")
    void blockscoutShape() {
        List<ObjectNode> all = List.of(log(A, T1, 5, 0), log(A, T2, 5, 1), log(B, T1, 7, 3), log(B, T1, 20, 0));
        answer = holding(all, true);
        try (ExplorerLogSource s = source()) {
            List<Log> logs = s.logs(new BlockRange(1, 10), List.of(A, B), List.of(T1));
            assertEquals(List.of("5/0/" + A, "7/3/" + B), logs.stream().map(l -> l.getBlockNumber() + "/"
                    + l.getLogIndex() + "/" + l.getAddress()).toList());
            assertEquals(List.of(T1), logs.getFirst().getTopics());
            assertEquals("0x" + String.format("%064x", 7 * 100 + 3), logs.get(1).getTransactionHash());
            // one topic is asked of the API; the range and address of every query are the ones asked
            assertTrue(asked.stream().allMatch(q -> T1.equals(q.get("topic0")) && q.get("fromBlock").equals("1")
                    && q.get("toBlock").equals("10") && q.get("module").equals("logs")
                    && q.get("action").equals("getLogs") && q.get("offset").equals("1000")), asked.toString());
            asked.clear();
            List<Log> both = s.logs(new BlockRange(1, 10), List.of(A), List.of(T1, T2));
            assertEquals(2, both.size());
            assertTrue(asked.stream().noneMatch(q -> q.containsKey("topic0")), "two topics are filtered here");
        }
    }

    @ParameterizedTest(name = "blockNumber {0}, logIndex {1} -> block {2} index {3}")
    @CsvSource({"0x1a, 0x, 26, 0", "26, 3, 26, 3", "0x1A, 0x0b, 26, 11"})
    @DisplayName("Etherscan's shapes: decimal or hex numbers, a bare 0x log index is 0")
    void numbers(String block, String index, long expectedBlock, long expectedIndex) {
        ObjectNode l = log(A, T1, 26, 0);
        l.put("blockNumber", block);
        l.put("logIndex", index);
        l.remove("topics");
        l.putArray("topics").add(T1);
        answer = q -> ok(List.of(l));
        try (ExplorerLogSource s = source()) {
            Log got = s.logs(new BlockRange(20, 30), List.of(A), List.of()).getFirst();
            assertEquals(expectedBlock, got.getBlockNumber().longValueExact());
            assertEquals(expectedIndex, got.getLogIndex().longValueExact());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"status\":\"0\",\"message\":\"No records found\",\"result\":[]}",
            "{\"status\":\"0\",\"message\":\"No logs found\",\"result\":[]}",
            "{\"status\":\"0\",\"message\":\"No records found\",\"result\":null}",
            "{\"status\":\"1\",\"message\":\"OK\",\"result\":[]}"})
    @DisplayName("status 0 with no records found is no logs")
    void noRecords(String body) {
        answer = q -> body;
        try (ExplorerLogSource s = source()) {
            assertEquals(List.of(), s.logs(new BlockRange(1, 10), List.of(A), List.of()));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"0\",\"message\":\"NOTOK\",\"result\":\"Max rate limit reached\"}|status 0: NOTOK (Max rate limit reached)",
            "{\"status\":\"0\",\"message\":\"No records found\",\"result\":[{}]}|status 0: No records found",
            "{\"status\":\"2\",\"message\":\"OK\",\"result\":[]}|status '2' is neither 1 nor 0",
            "{\"status\":\"1\",\"message\":\"OK\",\"result\":\"all fine\"}|status 1 without a list of logs",
            "not json at all|the answer is not JSON",
            "[1,2]|not a JSON object",
            "{\"status\":\"1\",\"message\":\"OK\",\"result\":[7]}|log 0: is not a log object"})
    @DisplayName("a wrong status or a malformed answer is an error naming the explorer")
    void wrongAnswers(String body, String expected) {
        answer = q -> body;
        try (ExplorerLogSource s = source()) {
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(1, 10), List.of(A), List.of()));
            assertEquals(base() + "/api", e.endpoint());
            assertTrue(e.getMessage().startsWith(base() + "/api: getLogs(1..10, " + A + ")"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "address|0xe7f1725e7734ce288f8367e1bb143e90bb3f0512|not the " + "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "blockNumber|0x63|outside the blocks 1..10",
            "logIndex|''|has an empty logIndex",
            "logIndex|-1|has a logIndex that is not a number",
            "blockNumber|0xzz|has a blockNumber that is not a number",
            "transactionHash|0x12|has no transaction hash",
            "data|0x123|data that is not 0x-prefixed hex bytes"})
    @DisplayName("a log that is not of the query, or not a log, is refused naming the explorer")
    void hostileLogs(String field, String value, String expected) {
        ObjectNode l = log(A, T1, 5, 0);
        l.put(field, value);
        answer = q -> ok(List.of(l));
        try (ExplorerLogSource s = source()) {
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(1, 10), List.of(A), List.of()));
            assertTrue(e.getMessage().startsWith(base() + "/api: getLogs(1..10, " + A + ") log 0: "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    @DisplayName("a full page splits the range until every page has room: 2,500 logs over 10 blocks, none twice")
    void fullPagesSplit() {
        List<ObjectNode> all = new ArrayList<>();
        for (long b = 1; b <= 10; b++) {
            for (long i = 0; i < 250; i++) {
                all.add(log(A, T1, b, i));
            }
        }
        answer = holding(all, false); // Blockscout's older getLogs pages nothing: splitting must do it
        try (ExplorerLogSource s = source()) {
            List<Log> logs = s.logs(new BlockRange(1, 10), List.of(A), List.of());
            assertEquals(2500, logs.size());
            Set<String> distinct = new HashSet<>();
            logs.forEach(l -> distinct.add(l.getBlockNumber() + "/" + l.getLogIndex()));
            assertEquals(2500, distinct.size());
            assertTrue(asked.size() > 1 && asked.stream().allMatch(q -> q.get("page").equals("1")), asked.toString());
        }
    }

    @Test
    @DisplayName("one block of 2,300 logs is read page by page")
    void oneBlockPaged() {
        List<ObjectNode> all = new ArrayList<>();
        for (long i = 0; i < 2300; i++) {
            all.add(log(A, T1, 4, i));
        }
        answer = holding(all, true);
        try (ExplorerLogSource s = source()) {
            List<Log> logs = s.logs(new BlockRange(4, 4), List.of(A), List.of());
            assertEquals(2300, logs.size());
            assertEquals(2299, logs.getLast().getLogIndex().longValueExact());
            assertEquals(List.of("1", "2", "3"), asked.stream().map(q -> q.get("page")).toList());
        }
    }

    @Test
    @DisplayName("an explorer that answers page 2 with page 1 again is refused, not read as 2,000 logs")
    void pagingIgnored() {
        List<ObjectNode> all = new ArrayList<>();
        for (long i = 0; i < 1500; i++) {
            all.add(log(A, T1, 4, i));
        }
        answer = holding(all, false);
        try (ExplorerLogSource s = source()) {
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(4, 4), List.of(A), List.of()));
            assertTrue(e.getMessage().contains("answers page 2 with page 1 again") && e.getMessage().contains(
                    "unsupported"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an answer over the size cap splits the range; for one block it is an error naming the explorer")
    void tooLarge() {
        SyncLimits small = LIMITS.withRpc(64 << 10, Duration.ofSeconds(2), Duration.ofSeconds(3));
        List<ObjectNode> all = new ArrayList<>();
        for (long b = 1; b <= 4; b++) {
            for (long i = 0; i < 120; i++) {
                all.add(log(A, T1, b, i)); // about 500 bytes a log: one block's 120 fit in 64 KiB, four do not
            }
        }
        answer = holding(all, true);
        try (ExplorerLogSource s = ExplorerLogSource.open(base(), small)) {
            assertEquals(480, s.logs(new BlockRange(1, 4), List.of(A), List.of()).size());
        }
        for (long i = 120; i < 400; i++) {
            all.add(log(A, T1, 2, i));
        }
        try (ExplorerLogSource s = ExplorerLogSource.open(base(), small)) {
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(1, 4), List.of(A), List.of()));
            assertTrue(e.getMessage().startsWith(base() + "/api: getLogs(2..2, " + A + "): the answer is larger than "
                    + (64 << 10) + " bytes"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an answer dripped byte by byte runs into the deadline, named")
    void slowDrip() {
        answer = q -> ok(List.of(log(A, T1, 5, 0)));
        try (ExplorerLogSource s = ExplorerLogSource.open(base() + "/api?drip=1", LIMITS)) {
            long start = System.nanoTime();
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(1, 10), List.of(A), List.of()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("no whole answer in time"), e.getMessage());
            assertTrue(millis < 3_500, "gave up after " + millis + " ms");
        }
    }

    @Test
    @DisplayName("an explorer that cannot be reached is named")
    void unreachable() {
        server.stop(0);
        try (ExplorerLogSource s = source()) {
            ExplorerAnswerException e = assertThrows(ExplorerAnswerException.class,
                    () -> s.logs(new BlockRange(1, 10), List.of(A), List.of()));
            assertTrue(e.getMessage().startsWith(base() + "/api: getLogs(1..10, " + A + "): cannot connect"),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"https://explorer.example.org, https://explorer.example.org/api",
            "https://explorer.example.org/, https://explorer.example.org/api",
            "https://eth.blockscout.com/api, https://eth.blockscout.com/api",
            "https://x.example/sub/, https://x.example/sub/api",
            "'https://api.etherscan.io/v2/api?chainid=1&apikey=K', 'https://api.etherscan.io/v2/api?chainid=1&apikey=K'"})
    @DisplayName("the API is the URL ending in /api, or /api under the explorer's base; a query (apikey) is kept")
    void apiUrl(String given, String api) {
        assertEquals(api, ExplorerLogSource.apiUrl(given).toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"file:///etc/passwd", "ftp://explorer.example.org", "explorer.example.org", " "})
    @DisplayName("an explorer URL that is not http(s) is bad input")
    void unsupportedUrl(String url) {
        UnsupportedExplorerUrlException e = assertThrows(UnsupportedExplorerUrlException.class,
                () -> ExplorerLogSource.open(url, LIMITS));
        assertTrue(e.getMessage().contains("explorer"), e.getMessage());
    }
}

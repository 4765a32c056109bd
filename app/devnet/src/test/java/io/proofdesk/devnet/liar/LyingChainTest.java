package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.devnet.seed.SeedProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static io.proofdesk.devnet.liar.RpcClient.JSON;
import static io.proofdesk.devnet.liar.RpcClient.hex;
import static io.proofdesk.devnet.liar.RpcClient.logs;
import static io.proofdesk.devnet.liar.RpcClient.number;
import static io.proofdesk.devnet.liar.RpcClient.raw;
import static io.proofdesk.devnet.liar.RpcClient.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liars about transactions, headers and the chain itself, and the slow one, at the JSON-RPC level next to the honest
 * node of a demo network.
 */
class LyingChainTest {

    private static Devnet devnet;
    private static String honest;
    private static String inference;
    private static List<String> watched;

    @BeforeAll
    static void start() throws Exception {
        devnet = Devnet.start(new DevnetConfig(40, 0.2, 6, Files.createTempDirectory("lying-chain"))
                .withLyingRpc(List.of(LieMode.ALTER_CALLDATA, LieMode.FORGED_HEADER, LieMode.FORK)), SeedProgress.NONE);
        DevnetManifest m = devnet.manifest();
        honest = m.rpcUrl();
        inference = m.contracts().get(DevnetManifest.INFERENCE);
        watched = List.of(m.contracts().get(DevnetManifest.SETTLEMENT_RELAY), inference);
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static String liar(LieMode mode) {
        return devnet.lyingRpc(mode).url();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<IInference.InferenceRecord> records(String input) {
        List<Type> a = FunctionReturnDecoder.decode("0x" + input.substring(10), Utils.convert(List.of(
                new TypeReference<DynamicArray<IInference.InferenceRecord>>() {})));
        return ((DynamicArray<IInference.InferenceRecord>) a.getFirst()).getValue();
    }

    @Test
    @DisplayName("alter-calldata: one byte of each inference transaction's input changes, the first record's mode")
    void alterCalldata() throws IOException {
        List<String> inferenceTxs = logs(honest, List.of(inference)).stream()
                .map(l -> l.get("transactionHash").asText()).distinct().toList();
        assertTrue(!inferenceTxs.isEmpty());
        for (String tx : inferenceTxs) {
            JsonNode h = result(honest, "eth_getTransactionByHash", tx);
            JsonNode l = result(liar(LieMode.ALTER_CALLDATA), "eth_getTransactionByHash", tx);
            assertEquals(1, LyingLogsTest.bytesApart(h.get("input").asText(), l.get("input").asText()));
            assertEquals(((ObjectNode) h.deepCopy()).without("input"), ((ObjectNode) l.deepCopy()).without("input"));
            List<IInference.InferenceRecord> told = records(l.get("input").asText());
            List<IInference.InferenceRecord> real = records(h.get("input").asText());
            assertEquals(real.getFirst().inferenceMode.xor(BigInteger.ONE), told.getFirst().inferenceMode);
            assertEquals(real.getFirst().modelId, told.getFirst().modelId);
            assertEquals(real.subList(1, real.size()), told.subList(1, told.size()));
            // the same transaction inside its block, with full transaction objects
            JsonNode block = result(liar(LieMode.ALTER_CALLDATA), "eth_getBlockByNumber", h.get("blockNumber").asText(), true);
            JsonNode inBlock = null;
            for (JsonNode t : block.get("transactions")) {
                inBlock = t.get("hash").asText().equals(tx) ? t : inBlock;
            }
            assertEquals(l.get("input"), inBlock.get("input"));
        }
        // a settlement transaction is not an inference transaction
        String settlement = logs(honest, List.of(watched.getFirst())).getFirst().get("transactionHash").asText();
        assertArrayEquals(raw(honest, "eth_getTransactionByHash", settlement),
                raw(liar(LieMode.ALTER_CALLDATA), "eth_getTransactionByHash", settlement));
    }

    @Test
    @DisplayName("forged-header: receiptsRoot and a log-bearing block's logsBloom change, the hash stays")
    void forgedHeader() throws IOException {
        long head = number(result(honest, "eth_blockNumber"));
        int emptied = 0;
        for (long n = 0; n <= head; n++) {
            JsonNode h = result(honest, "eth_getBlockByNumber", hex(n), false);
            JsonNode l = result(liar(LieMode.FORGED_HEADER), "eth_getBlockByNumber", hex(n), false);
            assertEquals(h.get("hash"), l.get("hash"));
            assertEquals(1, LyingLogsTest.bytesApart(h.get("receiptsRoot").asText(), l.get("receiptsRoot").asText()));
            boolean logs = RpcJson.nonZero(h.get("logsBloom").asText());
            assertEquals(logs ? HeaderForgeryLie.EMPTY_BLOOM : h.get("logsBloom").asText(), l.get("logsBloom").asText());
            emptied += logs ? 1 : 0;
            assertEquals(((ObjectNode) h.deepCopy()).without(List.of("receiptsRoot", "logsBloom")),
                    ((ObjectNode) l.deepCopy()).without(List.of("receiptsRoot", "logsBloom")));
            assertEquals(l, result(liar(LieMode.FORGED_HEADER), "eth_getBlockByHash", h.get("hash").asText(), false));
        }
        assertTrue(emptied > 3, "log-bearing blocks: " + emptied);
    }

    @Test
    @DisplayName("fork: from its height the liar's blocks have other hashes, linked by parent hash, used everywhere")
    void fork() throws IOException {
        String fork = liar(LieMode.FORK);
        long from = devnet.lyingRpc(LieMode.FORK).forkHeight();
        long head = number(result(honest, "eth_blockNumber"));
        assertTrue(from >= 1 && from < head, from + " of " + head);
        assertEquals(result(honest, "eth_getBlockByNumber", hex(from - 1), false),
                result(fork, "eth_getBlockByNumber", hex(from - 1), false));
        String parent = result(honest, "eth_getBlockByNumber", hex(from - 1), false).get("hash").asText();
        for (long n = from; n <= head; n++) {
            JsonNode h = result(honest, "eth_getBlockByNumber", hex(n), false);
            JsonNode l = result(fork, "eth_getBlockByNumber", hex(n), false);
            assertNotEquals(h.get("hash"), l.get("hash"));
            assertEquals(parent, l.get("parentHash").asText(), "block " + n + " hangs off the fork's block " + (n - 1));
            assertEquals(((ObjectNode) h.deepCopy()).without(List.of("hash", "parentHash")),
                    ((ObjectNode) l.deepCopy()).without(List.of("hash", "parentHash")));
            assertEquals(l, result(fork, "eth_getBlockByHash", l.get("hash").asText(), false));
            assertTrue(result(fork, "eth_getBlockByHash", h.get("hash").asText(), false).isNull(),
                    "the real block " + n + " is unknown on the fork");
            parent = l.get("hash").asText();
        }
        List<JsonNode> real = logs(honest, watched);
        List<JsonNode> told = logs(fork, watched);
        assertEquals(real.size(), told.size());
        for (int i = 0; i < real.size(); i++) {
            long n = number(real.get(i).get("blockNumber"));
            String forkHash = result(fork, "eth_getBlockByNumber", hex(n), false).get("hash").asText();
            assertEquals(n >= from ? forkHash : real.get(i).get("blockHash").asText(), told.get(i).get("blockHash").asText());
            JsonNode receipt = result(fork, "eth_getTransactionReceipt", told.get(i).get("transactionHash").asText());
            assertEquals(told.get(i).get("blockHash"), receipt.get("blockHash"));
        }
        JsonNode last = told.getLast();
        JsonNode byHash = JSON.createObjectNode().put("blockHash", last.get("blockHash").asText());
        assertTrue(result(fork, "eth_getLogs", byHash).size() > 0, "logs by a fork block hash");
    }

    @Test
    @DisplayName("slow-drip: eth_getLogs comes one byte at a time, unchanged; other calls at once")
    void slowDrip() throws IOException {
        Duration perByte = Duration.ofMillis(3);
        try (LyingRpc slow = LyingRpc.start(honest, LieMode.SLOW_DRIP, LieTargets.of(devnet.manifest().contracts()),
                LieSettings.DEFAULT.withDripInterval(perByte))) {
            byte[] request = RpcClient.request("eth_getLogs", JSON.createObjectNode().put("fromBlock", "0x0")
                    .put("toBlock", "0x3").put("address", watched.getFirst()));
            byte[] expected = RpcClient.post(honest, request);
            long started = System.nanoTime();
            byte[] dripped = RpcClient.post(slow.url(), request);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertArrayEquals(expected, dripped);
            assertTrue(millis >= expected.length * perByte.toMillis() * 9 / 10, millis + " ms for " + expected.length);
            started = System.nanoTime();
            assertArrayEquals(raw(honest, "eth_chainId"), raw(slow.url(), "eth_chainId"));
            assertTrue(System.nanoTime() - started < 2_000_000_000L);
        }
    }
}

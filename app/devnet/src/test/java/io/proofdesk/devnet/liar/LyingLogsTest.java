package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.devnet.Devnet;
import io.proofdesk.devnet.DevnetConfig;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.devnet.seed.SeedProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.proofdesk.devnet.liar.RpcClient.JSON;
import static io.proofdesk.devnet.liar.RpcClient.hex;
import static io.proofdesk.devnet.liar.RpcClient.logs;
import static io.proofdesk.devnet.liar.RpcClient.number;
import static io.proofdesk.devnet.liar.RpcClient.raw;
import static io.proofdesk.devnet.liar.RpcClient.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demo network with a lying endpoint of every mode, read at the JSON-RPC level next to the honest one: devnet.json
 * lists them, each liar changes exactly what its mode says in logs and receipts, and passes the rest through byte for
 * byte.
 */
class LyingLogsTest {

    private static Path dir;
    private static Devnet devnet;
    private static String honest;
    private static List<String> watched;
    private static String registry;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("lying-logs");
        devnet = Devnet.start(new DevnetConfig(40, 0.2, 5, dir).withLyingRpc(List.of(LieMode.values())),
                SeedProgress.NONE);
        DevnetManifest m = devnet.manifest();
        honest = m.rpcUrl();
        watched = List.of(m.contracts().get(DevnetManifest.SETTLEMENT_RELAY), m.contracts().get(DevnetManifest.INFERENCE),
                m.contracts().get(DevnetManifest.INFERENCE_JSONS));
        registry = m.contracts().get(DevnetManifest.TEE_REGISTRY);
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

    private static boolean picked(JsonNode log) {
        return number(log.get("logIndex")) % 3 == 2;
    }

    /** A block with a record log whose log index is 2 mod 3, and that log. */
    private static JsonNode pickedLog() throws IOException {
        return logs(honest, watched).stream().filter(LyingLogsTest::picked).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("devnet.json keeps its keys and lists the honest endpoint first, then one lying endpoint per mode")
    void manifest() throws IOException {
        JsonNode raw = JSON.readTree(dir.resolve(DevnetManifest.FILE_NAME).toFile());
        List<String> keys = new ArrayList<>();
        raw.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("chainId", "rpcUrl", "contracts", "hubUrl", "fileStoreUrl", "blobStoreUrl", "nodes",
                "groundTruth", "inferences", "attestationRootPem", "rpcEndpoints", "explorerUrl", "explorers"), keys);
        assertEquals(honest, raw.get("rpcUrl").asText());
        JsonNode endpoints = raw.get("rpcEndpoints");
        assertEquals(1 + LieMode.values().length, endpoints.size());
        assertEquals(JSON.createObjectNode().put("url", honest).put("honest", true).put("mode", "honest"), endpoints.get(0));
        for (LieMode mode : LieMode.values()) {
            JsonNode e = endpoints.get(1 + mode.ordinal());
            assertEquals(JSON.createObjectNode().put("url", liar(mode)).put("honest", false).put("mode", mode.key()), e);
            assertTrue(liar(mode).startsWith("http://127.0.0.1:"));
        }
        assertEquals(devnet.manifest(), DevnetManifest.read(dir));
        assertEquals(liar(LieMode.PHANTOM), DevnetManifest.read(dir).lyingRpcUrl("phantom").orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LieMode.class)
    @DisplayName("what a liar does not lie about is the honest node's answer, byte for byte")
    void passesTheRestThrough(LieMode mode) throws IOException {
        long head = number(result(honest, "eth_blockNumber"));
        String someTx = logs(honest, watched).getFirst().get("transactionHash").asText();
        List<byte[]> requests = new ArrayList<>(List.of(RpcClient.request("eth_chainId"),
                RpcClient.request("eth_blockNumber"), RpcClient.request("eth_getBalance", watched.getFirst(), "latest"),
                RpcClient.request("eth_getCode", registry, "latest"),
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}]".getBytes()));
        switch (mode) {
            case OMIT, ALTER_RECEIPT, PHANTOM -> {
                requests.add(RpcClient.request("eth_getTransactionByHash", someTx));
                requests.add(RpcClient.request("eth_getLogs", JSON.createObjectNode().put("fromBlock", "0x0")
                        .put("toBlock", "latest").put("address", registry)));
            }
            case ALTER_CALLDATA, FORGED_HEADER -> {
                requests.add(RpcClient.request("eth_getTransactionReceipt", someTx));
                requests.add(RpcClient.request("eth_getLogs", JSON.createObjectNode().put("fromBlock", "0x0")
                        .put("toBlock", "latest")));
            }
            case DUPLICATE -> requests.add(RpcClient.request("eth_getBlockByNumber", hex(head), true));
            case OMIT_LOGS -> {
                requests.add(RpcClient.request("eth_getTransactionReceipt", someTx));
                requests.add(RpcClient.request("eth_getBlockByNumber", hex(head), true));
            }
            case FORK -> requests.add(RpcClient.request("eth_getBlockByNumber",
                    hex(devnet.lyingRpc(LieMode.FORK).forkHeight() - 1), false));
            case SLOW_DRIP -> requests.add(RpcClient.request("eth_getBlockByNumber", hex(head), true));
        }
        for (byte[] request : requests) {
            assertArrayEquals(RpcClient.post(honest, request), RpcClient.post(liar(mode), request), new String(request));
        }
    }

    @Test
    @DisplayName("omit: every third watched log is missing from eth_getLogs and from its receipt, whose bloom agrees")
    void omit() throws IOException {
        List<JsonNode> all = logs(honest, watched);
        List<JsonNode> told = logs(liar(LieMode.OMIT), watched);
        List<JsonNode> expected = all.stream().filter(l -> !picked(l)).toList();
        assertTrue(all.size() - expected.size() >= 3, "some logs are dropped: " + all.size());
        assertEquals(expected, told);

        JsonNode dropped = pickedLog();
        String tx = dropped.get("transactionHash").asText();
        JsonNode honestReceipt = result(honest, "eth_getTransactionReceipt", tx);
        JsonNode lyingReceipt = result(liar(LieMode.OMIT), "eth_getTransactionReceipt", tx);
        assertTrue(contains(honestReceipt.get("logs"), dropped));
        assertFalse(contains(lyingReceipt.get("logs"), dropped));
        assertEquals(honestReceipt.get("logs").size() - lyingReceipt.get("logs").size(),
                count(honestReceipt.get("logs"), true));
        assertEquals(RpcJson.bloom(lyingReceipt.get("logs")), lyingReceipt.get("logsBloom").asText());
        assertNotEquals(honestReceipt.get("logsBloom"), lyingReceipt.get("logsBloom"));
        JsonNode blockReceipts = result(liar(LieMode.OMIT), "eth_getBlockReceipts", dropped.get("blockNumber").asText());
        assertTrue(contains(blockReceipts, lyingReceipt), "the block's receipts tell the same story");
        // the headers stay honest, so their bloom still covers the dropped log
        assertEquals(result(honest, "eth_getBlockByNumber", dropped.get("blockNumber").asText(), false),
                result(liar(LieMode.OMIT), "eth_getBlockByNumber", dropped.get("blockNumber").asText(), false));
    }

    @Test
    @DisplayName("a receipt's bloom rebuilt from its logs is the node's own (the helper the omit lie relies on)")
    void bloomOfAnvilReceipts() throws IOException {
        JsonNode log = pickedLog();
        for (JsonNode r : result(honest, "eth_getBlockReceipts", log.get("blockNumber").asText())) {
            assertEquals(r.get("logsBloom").asText(), RpcJson.bloom(r.get("logs")));
        }
    }

    @Test
    @DisplayName("duplicate: every log is served twice in a row, in eth_getLogs and in receipts")
    void duplicate() throws IOException {
        List<JsonNode> all = logs(honest, watched);
        List<JsonNode> told = logs(liar(LieMode.DUPLICATE), watched);
        List<JsonNode> twice = new ArrayList<>();
        all.forEach(l -> {
            twice.add(l);
            twice.add(l);
        });
        assertEquals(twice, told);
        String tx = all.getFirst().get("transactionHash").asText();
        JsonNode honestLogs = result(honest, "eth_getTransactionReceipt", tx).get("logs");
        JsonNode lyingLogs = result(liar(LieMode.DUPLICATE), "eth_getTransactionReceipt", tx).get("logs");
        assertEquals(2 * honestLogs.size(), lyingLogs.size());
        assertEquals(honestLogs.get(0), lyingLogs.get(1));
    }

    @Test
    @DisplayName("phantom: a copied record log under a transaction that does not exist, which the liar stands by")
    void phantom() throws IOException {
        List<JsonNode> all = logs(honest, watched);
        List<JsonNode> told = logs(liar(LieMode.PHANTOM), watched);
        List<JsonNode> phantoms = told.stream().filter(l -> number(l.get("logIndex")) == 999).toList();
        Set<String> blocksWithRecords = new HashSet<>();
        all.stream().filter(l -> devnetRecordLog(l)).forEach(l -> blocksWithRecords.add(l.get("blockNumber").asText()));
        assertEquals(blocksWithRecords.size(), phantoms.size(), "one phantom per block with records");
        assertEquals(all, told.stream().filter(l -> number(l.get("logIndex")) != 999).toList());

        JsonNode phantom = phantoms.getFirst();
        String fake = phantom.get("transactionHash").asText();
        JsonNode source = told.get(told.indexOf(phantom) - 1);
        for (String field : List.of("address", "topics", "data", "blockHash", "blockNumber")) {
            assertEquals(source.get(field), phantom.get(field), field);
        }
        assertTrue(result(honest, "eth_getTransactionReceipt", fake).isNull(), "the honest node knows no such tx");
        JsonNode receipt = result(liar(LieMode.PHANTOM), "eth_getTransactionReceipt", fake);
        assertEquals(fake, receipt.get("transactionHash").asText());
        assertEquals(List.of(phantom), List.of(receipt.get("logs").get(0)));
        JsonNode tx = result(liar(LieMode.PHANTOM), "eth_getTransactionByHash", fake);
        assertEquals(fake, tx.get("hash").asText());
        assertEquals(result(honest, "eth_getTransactionByHash", source.get("transactionHash").asText()).get("input"),
                tx.get("input"));
        String block = phantom.get("blockNumber").asText();
        assertTrue(contains(result(liar(LieMode.PHANTOM), "eth_getBlockByNumber", block, false).get("transactions"),
                JSON.getNodeFactory().textNode(fake)));
        assertTrue(contains(result(liar(LieMode.PHANTOM), "eth_getBlockReceipts", block), receipt));
    }

    @Test
    @DisplayName("alter-receipt: one data byte of every third record log changes, the same in logs and receipts")
    void alterReceipt() throws IOException {
        List<JsonNode> all = logs(honest, watched);
        List<JsonNode> told = logs(liar(LieMode.ALTER_RECEIPT), watched);
        assertEquals(all.size(), told.size());
        int altered = 0;
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode h = all.get(i);
            JsonNode l = told.get(i);
            if (picked(h) && devnetRecordLog(h)) {
                altered++;
                assertEquals(1, bytesApart(h.get("data").asText(), l.get("data").asText()), h.toString());
                stillDecodes(h, l);
                kinds.add(h.get("topics").get(0).asText());
                assertEquals(((com.fasterxml.jackson.databind.node.ObjectNode) h.deepCopy()).without("data"),
                        ((com.fasterxml.jackson.databind.node.ObjectNode) l.deepCopy()).without("data"));
                JsonNode receipt = result(liar(LieMode.ALTER_RECEIPT), "eth_getTransactionReceipt",
                        h.get("transactionHash").asText());
                assertTrue(contains(receipt.get("logs"), l), "the receipt holds the altered log");
            } else {
                assertEquals(h, l);
            }
        }
        assertTrue(altered >= 3, "altered " + altered);
        assertEquals(2, kinds.size(), "settlements and inference results altered alike: " + kinds);
    }

    /** The altered log decodes, as another output hash or another first output number. */
    private static void stillDecodes(JsonNode honestLog, JsonNode altered) {
        String topic = honestLog.get("topics").get(0).asText();
        if (topic.equals(LieTargets.INDIVIDUAL_SETTLEMENT)) {
            String h = honestLog.get("data").asText();
            String l = altered.get("data").asText();
            int differing = 2 + 2 * ReceiptDataLie.OUTPUT_HASH_LAST_BYTE;
            assertNotEquals(h.substring(differing, differing + 2), l.substring(differing, differing + 2),
                    "the output hash's last byte");
            return;
        }
        var type = org.web3j.abi.Utils.convert(List.of(
                new org.web3j.abi.TypeReference<io.proofdesk.chain.contracts.IInference.ModelOutput>() {}));
        var real = (io.proofdesk.chain.contracts.IInference.ModelOutput) org.web3j.abi.FunctionReturnDecoder
                .decode(honestLog.get("data").asText(), type).getFirst();
        var told = (io.proofdesk.chain.contracts.IInference.ModelOutput) org.web3j.abi.FunctionReturnDecoder
                .decode(altered.get("data").asText(), type).getFirst();
        assertEquals(real.numbers.getFirst().values.getFirst().value.flipBit(32),
                told.numbers.getFirst().values.getFirst().value);
        assertEquals(real.numbers.getFirst().values.subList(1, real.numbers.getFirst().values.size()),
                told.numbers.getFirst().values.subList(1, told.numbers.getFirst().values.size()));
    }

    private static boolean devnetRecordLog(JsonNode log) {
        String topic = log.get("topics").get(0).asText();
        return !topic.equals(org.web3j.abi.EventEncoder.encode(
                io.proofdesk.chain.contracts.IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT));
    }

    static int bytesApart(String a, String b) {
        assertEquals(a.length(), b.length());
        int n = 0;
        for (int i = 2; i < a.length(); i += 2) {
            n += a.regionMatches(true, i, b, i, 2) ? 0 : 1;
        }
        return n;
    }

    private static boolean contains(JsonNode array, JsonNode element) {
        for (JsonNode e : array) {
            if (e.equals(element)) {
                return true;
            }
        }
        return false;
    }

    private static long count(JsonNode logs, boolean pickedOnes) {
        long n = 0;
        for (JsonNode l : logs) {
            n += picked(l) == pickedOnes ? 1 : 0;
        }
        return n;
    }
}

package io.proofdesk.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.devnet.seed.Fault;
import io.proofdesk.devnet.seed.GroundTruth;
import io.proofdesk.devnet.seed.SeedProgress;
import io.proofdesk.domain.RecordId;
import io.proofdesk.node.TeeRecordHashes;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real demo network, read back as an auditor would: JSON-RPC logs, blobs over HTTP, the ground truth. */
class DevnetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static Path dir;
    private static Devnet devnet;
    private static Web3j web3j;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("devnet-test");
        devnet = Devnet.start(new DevnetConfig(240, 0.2, 11, dir), SeedProgress.NONE);
        web3j = Web3j.build(new HttpService(devnet.manifest().rpcUrl()));
    }

    @AfterAll
    static void stop() {
        if (web3j != null) {
            web3j.shutdown();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    private static List<Log> logs(String address, org.web3j.abi.datatypes.Event event) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address)
                .addSingleTopic(EventEncoder.encode(event));
        EthLog result = web3j.ethGetLogs(filter).send();
        return result.getLogs().stream().map(r -> (Log) ((EthLog.LogObject) r).get()).toList();
    }

    private static byte[] blob(String id) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(devnet.manifest().blobStoreUrl() + "/v1/blobs/" + id).build()).execute()) {
            assertEquals(200, r.code(), "blob " + id);
            return r.body().bytes();
        }
    }

    @Test
    @DisplayName("devnet.json and ground-truth.json are written with the agreed fields")
    void files() throws IOException {
        DevnetManifest m = DevnetManifest.read(dir);
        assertEquals(31337, m.chainId());
        assertTrue(m.rpcUrl().startsWith("http://127.0.0.1:"));
        assertTrue(m.contracts().keySet().containsAll(Set.of("TEERegistry", "InferenceSettlementRelay", "Inference")));
        assertEquals(240, m.inferences());
        assertEquals(8, m.nodes().size());
        assertEquals(3, m.nodes().stream().filter(DevnetManifest.Node::honest).count());
        GroundTruth truth = GroundTruth.read(Path.of(m.groundTruth()));
        assertEquals(240, truth.records().size());
        assertEquals(48, truth.dishonestCount());
        JsonNode raw = JSON.readTree(Path.of(m.groundTruth()).toFile());
        assertTrue(raw.get("records").get(0).has("fault"));
    }

    @Test
    @DisplayName("the demo block explorer serves the chain's logs through the Etherscan-compatible API, listed in "
            + "devnet.json")
    void explorer() throws IOException {
        DevnetManifest m = DevnetManifest.read(dir);
        assertTrue(m.explorerUrl().startsWith("http://127.0.0.1:"), m.explorerUrl());
        assertEquals(List.of(new DevnetManifest.Explorer(m.explorerUrl(), true, "honest")), m.explorers());
        JsonNode raw = JSON.readTree(dir.resolve(DevnetManifest.FILE_NAME).toFile());
        assertEquals(m.explorerUrl(), raw.get("explorerUrl").asText());
        String relay = m.contracts().get("InferenceSettlementRelay");
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        List<String> fromChain = logs(relay, IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT).stream()
                .map(l -> l.getBlockNumber() + "/" + l.getLogIndex() + "/" + l.getTransactionHash() + "/" + l.getData())
                .toList();
        try (io.proofdesk.chain.sync.ExplorerLogSource explorer = io.proofdesk.chain.sync.ExplorerLogSource.open(
                m.explorerUrl(), io.proofdesk.chain.sync.SyncLimits.DEFAULT)) {
            List<String> fromExplorer = explorer.logs(new io.proofdesk.chain.BlockRange(0, head), List.of(relay),
                            List.of(EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT))).stream()
                    .map(l -> l.getBlockNumber() + "/" + l.getLogIndex() + "/" + l.getTransactionHash() + "/"
                            + l.getData()).toList();
            assertFalse(fromChain.isEmpty());
            assertEquals(fromChain, fromExplorer);
        }
    }

    @Test
    @DisplayName("every dishonest mode is present, and honest records outnumber dishonest ones")
    void everyFault() {
        Set<Fault> faults = devnet.groundTruth().records().stream().filter(e -> !e.honest()).map(GroundTruth.Entry::fault)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Fault.class)));
        // LLM-only kinds are dealt to LLM records (--llm-records), which this network does not seed
        Set<Fault> onnxFaults = EnumSet.allOf(Fault.class);
        onnxFaults.removeIf(Fault::llmOnly);
        assertEquals(onnxFaults, faults);
    }

    @Test
    @DisplayName("the chain holds exactly the ground truth's records, under the ids it names")
    void chainMatchesGroundTruth() throws IOException {
        DevnetManifest m = devnet.manifest();
        Set<String> onChain = new HashSet<>();
        String relay = m.contracts().get("InferenceSettlementRelay");
        for (Log log : logs(relay, IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT)) {
            onChain.add(RecordId.of(log.getTransactionHash(), log.getLogIndex().longValue()).toString());
        }
        for (Log log : logs(relay, IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT)) {
            var event = IInferenceSettlementRelay.getBatchSettlementEventFromLog(log);
            JsonNode dump = JSON.readTree(blob(new String(event.walrusBlobId, StandardCharsets.UTF_8)));
            StandardMerkleTree tree = StandardMerkleTree.load(JSON.writeValueAsBytes(dump));
            assertArrayEquals(event.merkleRoot, tree.root(), "the settled root is the dump's root");
            assertEquals(event.batchSize.intValue(), tree.size());
            for (int i = 0; i < dump.get("records").size(); i++) {
                onChain.add(RecordId.leaf(log.getTransactionHash(), log.getLogIndex().longValue(), i).toString());
            }
        }
        for (Log log : logs(m.contracts().get("Inference"), IInference.INFERENCERESULT_EVENT)) {
            onChain.add(RecordId.of(log.getTransactionHash(), log.getLogIndex().longValue()).toString());
        }
        Set<String> truth = devnet.groundTruth().records().stream().map(GroundTruth.Entry::id).collect(Collectors.toSet());
        assertEquals(truth, onChain);
    }

    @Test
    @DisplayName("honest individual blobs hash to their settled hashes; blob-mismatch ones do not")
    void blobsAgainstSettlement() throws IOException {
        Map<String, GroundTruth.Entry> truth = new HashMap<>();
        devnet.groundTruth().records().forEach(e -> truth.put(e.id(), e));
        int honestChecked = 0;
        int tamperedChecked = 0;
        for (Log log : logs(devnet.manifest().contracts().get("InferenceSettlementRelay"),
                IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT)) {
            var event = IInferenceSettlementRelay.getIndividualSettlementEventFromLog(log);
            GroundTruth.Entry entry = truth.get(RecordId.of(log.getTransactionHash(), log.getLogIndex().longValue()).toString());
            JsonNode blob = JSON.readTree(blob(new String(event.walrusBlobId, StandardCharsets.UTF_8)));
            boolean matches = java.util.Arrays.equals(event.inputHash, TeeRecordHashes.inputHash(blob.get("input")))
                    && java.util.Arrays.equals(event.outputHash, TeeRecordHashes.outputHash(blob.get("output")));
            assertEquals(Numeric.toHexString(event.teeId), blob.get("teeId").asText());
            if (entry.honest()) {
                assertTrue(matches, "honest blob of " + entry.id());
                honestChecked++;
            } else if (entry.fault() == Fault.BLOB_MISMATCH) {
                assertFalse(matches, "tampered blob of " + entry.id());
                tamperedChecked++;
            }
        }
        assertTrue(honestChecked > 50, "honest individual records checked: " + honestChecked);
        assertTrue(tamperedChecked + countBatchBlobMismatch() > 0);
    }

    private static long countBatchBlobMismatch() {
        return devnet.groundTruth().records().stream()
                .filter(e -> e.fault() == Fault.BLOB_MISMATCH && e.id().contains("#")).count();
    }

    @Test
    @DisplayName("the hub lists the models and the file store serves them; the tampered version's bytes are not its CID's")
    void hubAndFiles() throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(devnet.manifest().hubUrl() + "/api/v0/models/").build()).execute()) {
            JsonNode models = JSON.readTree(r.body().string());
            assertTrue(models.size() >= 4, models.toString());
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(devnet.manifest().hubUrl()
                + "/api/v0/models/price-regressor/versions/1.01/files").build()).execute()) {
            JsonNode file = JSON.readTree(r.body().string()).get(0);
            String cid = file.get("ipfsCid").asText();
            try (Response f = HTTP.newCall(new Request.Builder().url(devnet.manifest().fileStoreUrl() + "/ipfs/" + cid).build()).execute()) {
                assertFalse(io.proofdesk.node.cid.Cid.parse(cid).matches(f.body().bytes()));
            }
        }
    }

    @Test
    @DisplayName("the same seed makes the same network and records; stopping leaves no chain or server behind")
    void reproducibleAndStops() throws Exception {
        Path a = Files.createTempDirectory("devnet-a");
        Path b = Files.createTempDirectory("devnet-b");
        DevnetManifest first;
        long anvilPid;
        List<Object> firstShape;
        try (Devnet one = Devnet.start(new DevnetConfig(40, 0.2, 5, a), SeedProgress.NONE)) {
            first = one.manifest();
            firstShape = shape(one);
            anvilPid = one.chainProcessId();
            assertTrue(ProcessHandle.of(anvilPid).map(ProcessHandle::isAlive).orElse(false));
        }
        try (Devnet two = Devnet.start(new DevnetConfig(40, 0.2, 5, b), SeedProgress.NONE)) {
            assertEquals(first.nodes().stream().map(DevnetManifest.Node::teeId).toList(),
                    two.manifest().nodes().stream().map(DevnetManifest.Node::teeId).toList());
            assertEquals(firstShape, shape(two));
        }
        try (Devnet other = Devnet.start(new DevnetConfig(40, 0.2, 6, Files.createTempDirectory("devnet-c")), SeedProgress.NONE)) {
            assertNotEquals(first.nodes().getFirst().teeId(), other.manifest().nodes().getFirst().teeId());
        }
        assertFalse(ProcessHandle.of(anvilPid).map(ProcessHandle::isAlive).orElse(false), "anvil still running");
        assertThrows(ConnectException.class, () -> new java.net.Socket("127.0.0.1", port(first.hubUrl())).close());
        assertThrows(ConnectException.class, () -> new java.net.Socket("127.0.0.1", port(first.rpcUrl())).close());
    }

    /** What must repeat for a seed: the order of honest/dishonest records and their faults, and the id forms. */
    private static List<Object> shape(Devnet d) {
        return d.groundTruth().records().stream()
                .map(e -> List.of(e.honest(), String.valueOf(e.fault()), e.id().contains("#")))
                .collect(Collectors.toList());
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}

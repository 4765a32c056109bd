package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.chain.ChainDeployer;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.chain.DevnetContracts;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.hub.ModelHubService;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.SyncedNetworks;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import io.proofdesk.reexec.FixedPointTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `proofdesk sync` end to end against a real anvil, hub and blob store; then `models` and `inferences` read it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncCommandTest {

    private Path dir;
    private AnvilProcess anvil;
    private ChainSession session;
    private DevnetContracts contracts;
    private ModelHubService hub;
    private BlobStoreService blobs;
    private ZooModel credit;
    private String contractsOption;

    @BeforeAll
    void network(@TempDir Path tmp) throws Exception {
        dir = tmp;
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), tmp.resolve("anvil")));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        contracts = new ChainDeployer(session).deployAll();
        ModelZoo zoo = ModelZoo.standard();
        hub = new ModelHubService();
        zoo.models().forEach(m -> hub.publish(new HostedModelFile(m.name(), m.description(), m.version(), "model.onnx",
                m.cid().toString(), m.sha256(), m.size(), m.bytes())));
        hub.start();
        blobs = new BlobStoreService(tmp.resolve("blobs")).start();
        credit = zoo.get("credit-mlp", "1.00");
        List<Inference.InferenceRecord> records = new ArrayList<>();
        for (int mode = 0; mode < 2; mode++) {
            FixedPointTensor in = new FixedPointCodec().encode(zoo.sampleInput(credit, mode).get("features"));
            records.add(new Inference.InferenceRecord(credit.cid().toString(), BigInteger.valueOf(mode),
                    new Inference.ModelInput(List.of(tensor(in)), List.of()),
                    new Inference.ModelOutput(List.of(new Inference.MultiDimensionalNumberTensor("probabilities",
                            List.of(new Inference.Number(BigInteger.valueOf(5), BigInteger.ONE)), List.of(BigInteger.ONE))),
                            List.of(), false)));
        }
        contracts.inference().runManyWithResults(records).send();
        Map<String, String> a = contracts.addresses();
        contractsOption = "registry=" + a.get("TEERegistry") + ",relay=" + a.get("InferenceSettlementRelay")
                + ",inference=" + a.get("Inference") + ",inferenceJsons=" + a.get("InferenceJsons");
    }

    @AfterAll
    void stop() {
        blobs.close();
        hub.close();
        session.close();
        anvil.close();
    }

    private static Inference.MultiDimensionalNumberTensor tensor(FixedPointTensor t) {
        return new Inference.MultiDimensionalNumberTensor(t.name(),
                t.values().stream().map(v -> new Inference.Number(v.value(), v.decimals())).toList(),
                Arrays.stream(t.shape()).mapToObj(BigInteger::valueOf).toList());
    }

    @Test
    @DisplayName("sync prints progress and a summary; models and inferences --json then show what it stored")
    void syncThenList() throws Exception {
        String data = dir.resolve("data1").toString();
        CliTestRun sync = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption, "--hub",
                hub.baseUrl(), "--blobs", blobs.baseUrl(), "--chain-id", "31337", "--data-dir", data);
        assertEquals(0, sync.exitCode(), sync.err());
        assertTrue(sync.out().matches("(?s).*synced blocks 0\\.\\.\\d+ \\(\\d+ blocks\\): 2 logs, 2 records stored, 0 blobs "
                + "fetched \\(0 failed\\), 0 records with sync notes, 0 reorgs, 5 models, .*"), sync.out());
        assertTrue(!sync.out().contains("stored with a sync note"), "no hint without notes: " + sync.out());

        CliTestRun models = CliTestRun.of("models", "--json", "--data-dir", data);
        JsonNode m = new ObjectMapper().readTree(models.out());
        assertTrue(m.findValuesAsText("name").contains("credit-mlp"), models.out());

        CliTestRun inf = CliTestRun.of("inferences", "--json", "--data-dir", data, "--model", "credit-mlp", "--version", "1.00");
        JsonNode rows = new ObjectMapper().readTree(inf.out());
        assertEquals(2, rows.size(), inf.out());
        assertEquals("VANILLA", rows.get(0).get("mode").asText());
        assertEquals("ZKML", rows.get(1).get("mode").asText());
        assertEquals(credit.cid().toString(), rows.get(0).get("model").asText());
        assertEquals("ONCHAIN", rows.get(0).get("settlement").asText());
        for (JsonNode row : rows) {
            // synced with proofs: each receipt proved and its header linked to the store's genesis
            assertEquals("PROVED", row.get("evidence").asText(), row.toString());
        }
    }

    @Test
    @DisplayName("--checkpoint pins a block: a matching one links the records to it, a wrong one refuses the sync "
            + "(exit 4 naming the endpoint and block); malformed --checkpoint and --quorum are bad input")
    void checkpoints() throws Exception {
        var w = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(anvil.rpcUrl()));
        String block1 = w.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.ONE),
                false).send().getBlock().getHash();
        w.shutdown();
        String data = dir.resolve("data-cp").toString();
        CliTestRun pinned = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--checkpoint", "1:" + block1, "--data-dir", data);
        assertEquals(0, pinned.exitCode(), pinned.err());
        JsonNode rows = new ObjectMapper().readTree(CliTestRun.of("inferences", "--json", "--data-dir", data).out());
        assertTrue(rows.size() >= 2, rows.toString());
        for (JsonNode row : rows) {
            assertEquals("PROVED", row.get("evidence").asText(), row.toString());
        }
        String wrong = "0x" + "ab".repeat(32);
        CliTestRun refused = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--checkpoint", "1:" + wrong, "--data-dir", dir.resolve("data-cp2").toString());
        assertEquals(ExitCode.ERROR, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains(anvil.rpcUrl() + ": block 1 does not link") && refused.err().contains(wrong),
                refused.err());
        CliTestRun malformed = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--checkpoint", "12:0x12", "--data-dir", dir.resolve("data-cp3").toString());
        assertEquals(ExitCode.BAD_INPUT, malformed.exitCode());
        assertTrue(malformed.err().contains("--checkpoint"), malformed.err());
        CliTestRun quorum = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--quorum", "2", "--data-dir", dir.resolve("data-cp4").toString());
        assertEquals(ExitCode.BAD_INPUT, quorum.exitCode());
        assertTrue(quorum.err().contains("--quorum 2"), quorum.err());
    }

    @Test
    @DisplayName("a profile's explorer and checkpoints: a cosmos-evm network agreed by its explorer is AGREED, a wrong "
            + "profile checkpoint refuses the sync, a malformed one or an --explorer that is not http(s) is bad input")
    void explorerAndProfileCheckpoints() throws Exception {
        var w = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(anvil.rpcUrl()));
        String block1 = w.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.ONE),
                false).send().getBlock().getHash();
        w.shutdown();
        Map<String, String> a = contracts.addresses();
        try (io.proofdesk.devnet.explorer.DemoExplorer explorer =
                     io.proofdesk.devnet.explorer.DemoExplorer.start(anvil.rpcUrl())) {
            Path cosmos = dir.resolve("cosmos.json");
            Files.writeString(cosmos, "{\"name\": \"cosmos-lab\", \"rpc\": [\"" + anvil.rpcUrl() + "\"], "
                    + "\"headerFormat\": \"cosmos-evm\", \"explorer\": \"" + explorer.baseUrl() + "\", "
                    + "\"contracts\": {\"inference\": [\"" + a.get("Inference") + "\"]}}");
            String data = dir.resolve("data-explorer").toString();
            CliTestRun agreed = CliTestRun.of("sync", "--network", cosmos.toString(), "--data-dir", data);
            assertEquals(0, agreed.exitCode(), agreed.err());
            JsonNode rows = new ObjectMapper().readTree(CliTestRun.of("inferences", "--json", "--data-dir", data).out());
            assertTrue(rows.size() >= 2, rows.toString());
            for (JsonNode row : rows) {
                assertEquals("AGREED", row.get("evidence").asText(), row.toString());
            }
            CliTestRun alone = CliTestRun.of("sync", "--network", cosmos.toString(), "--quorum", "1", "--explorer",
                    "ftp://explorer.example", "--data-dir", dir.resolve("data-explorer2").toString());
            assertEquals(ExitCode.BAD_INPUT, alone.exitCode(), alone.err());
            assertTrue(alone.err().contains("--explorer: the block explorer 'ftp://explorer.example' is not an "
                    + "http:// or https:// URL"), alone.err());
            CliTestRun tooMany = CliTestRun.of("sync", "--network", cosmos.toString(), "--quorum", "3", "--data-dir",
                    dir.resolve("data-explorer3").toString());
            assertEquals(ExitCode.BAD_INPUT, tooMany.exitCode(), tooMany.err());
            assertTrue(tooMany.err().contains("1 RPC endpoint(s), 1 explorer(s)"), tooMany.err());
        }
        // a profile's explorer that does not answer is named, but does not stop the sync: its records stay TRUSTED
        Path silent = dir.resolve("silent-explorer.json");
        Files.writeString(silent, "{\"name\": \"cosmos-silent\", \"rpc\": [\"" + anvil.rpcUrl() + "\"], "
                + "\"headerFormat\": \"cosmos-evm\", \"explorer\": \"http://127.0.0.1:1\", "
                + "\"contracts\": {\"inference\": [\"" + a.get("Inference") + "\"]}}");
        String silentData = dir.resolve("data-silent").toString();
        CliTestRun down = CliTestRun.of("sync", "--network", silent.toString(), "--data-dir", silentData);
        assertEquals(0, down.exitCode(), down.err());
        assertTrue((down.out() + down.err()).contains("block explorer http://127.0.0.1:1/api disagrees with"),
                down.out() + down.err());
        JsonNode trusted = new ObjectMapper().readTree(CliTestRun.of("inferences", "--json", "--data-dir", silentData)
                .out());
        assertTrue(trusted.size() >= 2, trusted.toString());
        trusted.forEach(row -> assertEquals("TRUSTED", row.get("evidence").asText(), row.toString()));
        CliTestRun required = CliTestRun.of("sync", "--network", silent.toString(), "--explorer", "http://127.0.0.1:1",
                "--data-dir", dir.resolve("data-required").toString());
        assertEquals(4, required.exitCode(), "an --explorer given is required: " + required.err());
        String wrong = "0x" + "ab".repeat(32);
        Path pinned = dir.resolve("pinned.json");
        Files.writeString(pinned, "{\"rpc\": [\"" + anvil.rpcUrl() + "\"], \"checkpoints\": [\"1:" + wrong + "\"], "
                + "\"contracts\": {\"inference\": [\"" + a.get("Inference") + "\"]}}");
        CliTestRun refused = CliTestRun.of("sync", "--network", pinned.toString(), "--data-dir",
                dir.resolve("data-pin").toString());
        assertEquals(ExitCode.ERROR, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("block 1 does not link") && refused.err().contains(wrong), refused.err());
        CliTestRun both = CliTestRun.of("sync", "--network", pinned.toString(), "--checkpoint", "1:" + block1,
                "--data-dir", dir.resolve("data-pin2").toString());
        assertEquals(ExitCode.BAD_INPUT, both.exitCode(), both.err());
        assertTrue(both.err().contains("block 1 is pinned to both " + wrong), both.err());
        Files.writeString(pinned, "{\"rpc\": [\"" + anvil.rpcUrl() + "\"], \"checkpoints\": [\"1:" + block1
                + "\", \"one:" + block1 + "\"], \"contracts\": {\"inference\": [\"" + a.get("Inference") + "\"]}}");
        CliTestRun malformed = CliTestRun.of("sync", "--network", pinned.toString(), "--data-dir",
                dir.resolve("data-pin3").toString());
        assertEquals(ExitCode.BAD_INPUT, malformed.exitCode(), malformed.err());
        assertTrue(malformed.err().contains(pinned + ": checkpoints[1]: checkpoint 'one:"), malformed.err());
    }

    @Test
    @DisplayName("--devnet DIR takes every endpoint and address from devnet.json")
    void fromManifest() throws Exception {
        Path state = dir.resolve("state");
        java.nio.file.Files.createDirectories(state);
        new DevnetManifest(31337, anvil.rpcUrl(), contracts.addresses(), hub.baseUrl(), hub.baseUrl(), blobs.baseUrl(),
                List.of(), state.resolve("ground-truth.json").toString(), 2, null).write(state);
        CliTestRun sync = CliTestRun.of("sync", "--devnet", state.toString(), "--data-dir", dir.resolve("data2").toString());
        assertEquals(0, sync.exitCode(), sync.err());
        assertTrue(sync.out().contains("2 records stored"), sync.out());
    }

    @Test
    @DisplayName("inference ID prints one record whole; --json has its inputs as exact decimals, its settlement and "
            + "verdict; an unknown id is bad input")
    void oneRecordWhole() throws Exception {
        String data = dir.resolve("data-one").toString();
        CliTestRun sync = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption, "--hub",
                hub.baseUrl(), "--blobs", blobs.baseUrl(), "--data-dir", data);
        assertEquals(0, sync.exitCode(), sync.err());
        JsonNode rows = new ObjectMapper().readTree(CliTestRun.of("inferences", "--json", "--data-dir", data).out());
        String id = rows.get(0).get("id").asText();

        CliTestRun one = CliTestRun.of("inference", id, "--json", "--data-dir", data);
        assertEquals(0, one.exitCode(), one.err());
        JsonNode r = new ObjectMapper().readTree(one.out());
        assertEquals(id, r.get("id").asText());
        assertEquals("VANILLA", r.get("mode").asText());
        assertEquals("credit-mlp", r.get("modelName").asText());
        assertEquals("ONCHAIN", r.get("settlement").get("kind").asText());
        assertTrue(r.get("verdict").isNull(), "not verified yet");
        assertTrue(java.util.Set.of("PROVED", "AGREED", "TRUSTED").contains(r.get("evidence").asText()), one.out());
        FixedPointTensor sent = new FixedPointCodec().encode(ModelZoo.standard().sampleInput(credit, 0).get("features"));
        JsonNode values = r.get("inputs").get(0).get("values");
        assertEquals(sent.values().size(), values.size());
        for (int k = 0; k < values.size(); k++) {
            java.math.BigDecimal chain = new java.math.BigDecimal(sent.values().get(k).value(),
                    sent.values().get(k).decimals().intValueExact());
            assertEquals(0, chain.compareTo(new java.math.BigDecimal(values.get(k).asText())),
                    "element " + k + ": chain " + chain + ", printed " + values.get(k).asText());
        }
        assertEquals("probabilities", r.get("outputs").get(0).get("name").asText());
        // the log claimed Number(5, decimals 1): 0.5
        assertEquals("0.5", r.get("outputs").get(0).get("values").get(0).asText());

        CliTestRun text = CliTestRun.of("inference", id, "--data-dir", data);
        assertTrue(text.out().contains("verdict      not verified yet"), text.out());
        assertTrue(text.out().contains("input        features"), text.out());

        CliTestRun missing = CliTestRun.of("inference", "0x" + "00".repeat(32) + ":0", "--data-dir", data);
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no record 0x"), missing.err());
        assertEquals(ExitCode.BAD_INPUT, CliTestRun.of("inference", "nonsense", "--data-dir", data).exitCode());
    }

    @Test
    @DisplayName("--network FILE reads a network profile; --network demo reads <data dir>/devnet/devnet.json; "
            + "verify then uses the same network")
    void fromNetworkProfileAndDemo() throws Exception {
        Map<String, String> a = contracts.addresses();
        Path profile = dir.resolve("lab.json");
        java.nio.file.Files.writeString(profile, "{\"name\": \"lab\", \"chainId\": 31337, \"rpc\": [\""
                + anvil.rpcUrl() + "\"], \"hub\": \"" + hub.baseUrl() + "\", \"blobStore\": \"" + blobs.baseUrl()
                + "\", \"contracts\": {\"inference\": [\"" + a.get("Inference") + "\", \"" + a.get("InferenceJsons")
                + "\"], \"registry\": \"" + a.get("TEERegistry") + "\", \"relay\": \"" + a.get("InferenceSettlementRelay")
                + "\"}}");
        String data = dir.resolve("data-profile").toString();
        CliTestRun sync = CliTestRun.of("sync", "--network", profile.toString(), "--data-dir", data);
        assertEquals(0, sync.exitCode(), sync.out() + sync.err());
        assertTrue(sync.out().contains("2 records stored"), sync.out());
        CliTestRun verify = CliTestRun.of("verify", "--all", "--network", profile.toString(), "--data-dir", data);
        assertTrue(verify.exitCode() == ExitCode.VERIFIED || verify.exitCode() == ExitCode.UNVERIFIED
                || verify.exitCode() == ExitCode.MISMATCH, verify.out() + verify.err());

        Path demoData = dir.resolve("data-demo");
        CliTestRun none = CliTestRun.of("sync", "--network", "demo", "--data-dir", demoData.toString());
        assertEquals(ExitCode.BAD_INPUT, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().contains("start it with: proofdesk devnet --data-dir"), none.err());
        Path state = demoData.resolve("devnet");
        java.nio.file.Files.createDirectories(state);
        new DevnetManifest(31337, anvil.rpcUrl(), a, hub.baseUrl(), hub.baseUrl(), blobs.baseUrl(),
                List.of(), state.resolve("ground-truth.json").toString(), 2, null).write(state);
        CliTestRun demo = CliTestRun.of("sync", "--network", "demo", "--data-dir", demoData.toString());
        assertEquals(0, demo.exitCode(), demo.out() + demo.err());
        assertTrue(demo.out().contains("2 records stored"), demo.out());

        CliTestRun unknown = CliTestRun.of("sync", "--network", "mainnet-of-nowhere", "--data-dir", data);
        assertEquals(ExitCode.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("neither a built-in network (demo, opengradient-devnet) nor a profile file"),
                unknown.err());
    }

    @Test
    @DisplayName("records stored with a note: the summary says how many and the command that shows the notes, which does")
    void notesSayWhereToReadThem() throws Exception {
        Path data = dir.resolve("data notes");
        // without the hub the sync cannot read the model's signature, so the inputs are stored with a note
        CliTestRun sync = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--chain-id", "31337", "--data-dir", data.toString());
        assertEquals(0, sync.exitCode(), sync.err());
        assertTrue(sync.out().contains(", 2 records with sync notes, "), sync.out());
        String hint = "2 records were stored with a sync note (why a record's blob, tensors or model could not be "
                + "read). Read the notes in the syncNote column of: proofdesk inferences --data-dir '" + data
                + "' --csv (or the syncNote field of --json).";
        assertTrue(sync.out().contains(hint), sync.out());

        CliTestRun csv = CliTestRun.of("inferences", "--data-dir", data.toString(), "--csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.getFirst().contains(",syncNote,evidence,evidenceDetail"), lines.getFirst());
        assertEquals(3, lines.size(), csv.out());
        assertTrue(lines.get(1).contains("no file store is configured"), lines.get(1));
    }

    @Test
    @DisplayName("the notes hint is singular for one record and quotes only a data folder that needs it")
    void notesHintWording() {
        assertEquals("1 record was stored with a sync note (why a record's blob, tensors or model could not be "
                + "read). Read the notes in the syncNote column of: proofdesk inferences --data-dir /tmp/d --csv "
                + "(or the syncNote field of --json).", SyncCommand.notesHint(1, Path.of("/tmp/d")));
        assertTrue(SyncCommand.notesHint(3, null).startsWith("3 records were stored"));
        assertTrue(SyncCommand.notesHint(3, null).contains("of: proofdesk inferences --csv "));
    }

    @Test
    @DisplayName("a wrong --chain-id is an error naming the endpoint; missing endpoints are bad input")
    void errors() {
        CliTestRun wrong = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption, "--chain-id",
                "10740", "--data-dir", dir.resolve("data3").toString());
        assertEquals(ExitCode.ERROR, wrong.exitCode());
        assertTrue(wrong.err().contains(anvil.rpcUrl() + ": serves chain 31337, but chain 10740 is configured"), wrong.err());
        CliTestRun none = CliTestRun.of("sync", "--data-dir", dir.resolve("data4").toString());
        assertEquals(ExitCode.BAD_INPUT, none.exitCode());
        assertTrue(none.err().contains("no RPC endpoint"), none.err());
        CliTestRun badContracts = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", "registry=0x12");
        assertEquals(ExitCode.BAD_INPUT, badContracts.exitCode());
    }

    @Test
    @DisplayName("verify, report and bundle without endpoints use the ones the store was synced from; flags override")
    void storedEndpointsAreTheDefault() throws Exception {
        String data = dir.resolve("data5").toString();
        CliTestRun sync = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption, "--hub",
                hub.baseUrl(), "--blobs", blobs.baseUrl(), "--data-dir", data);
        assertEquals(0, sync.exitCode(), sync.err());

        CliTestRun stored = CliTestRun.of("verify", "--all", "--data-dir", data);
        assertTrue(stored.out().startsWith("network: network at " + anvil.rpcUrl() + " (" + anvil.rpcUrl()
                + "), as this store was last synced\n"), stored.out());
        CliTestRun explicit = CliTestRun.of("verify", "--all", "--force", "--data-dir", data, "--rpc", anvil.rpcUrl(),
                "--files", hub.baseUrl(), "--blobs", blobs.baseUrl());
        assertEquals(explicit.exitCode(), stored.exitCode(), stored.out() + stored.err() + explicit.out());
        assertTrue(stored.exitCode() <= ExitCode.UNVERIFIED, "the records were checked: " + stored.out() + stored.err());
        // both records claim a made-up output: found on chain, their model fetched and re-executed, and caught
        assertTrue(stored.out().contains("MISMATCH   2"), stored.out() + stored.err());
        assertTrue(stored.out().contains("failed reexecution      2"), stored.out());
        assertTrue(stored.out().contains("ERROR      0"), stored.out());

        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        CliTestRun overridden = CliTestRun.of("verify", "--all", "--force", "--data-dir", data, "--rpc",
                "http://127.0.0.1:" + dead, "--files", hub.baseUrl(), "--blobs", blobs.baseUrl());
        assertTrue(overridden.out().contains("failed record           2"), "the flags' dead RPC was used: "
                + overridden.out());
        assertFalse(stored.out().contains("failed record"), stored.out());
        assertFalse(overridden.out().contains("as this store was last synced"), overridden.out());

        Path json = dir.resolve("stored-report.json");
        CliTestRun report = CliTestRun.of("report", "--all", "--json", json.toString(), "--pdf",
                dir.resolve("stored-report.pdf").toString(), "--data-dir", data);
        assertEquals(ExitCode.VERIFIED, report.exitCode(), report.out() + report.err());
        JsonNode network = new ObjectMapper().readTree(json.toFile()).get("report").get("network");
        assertEquals(anvil.rpcUrl(), network.get("endpoints").get("rpc").asText(), network.toString());
        assertEquals(31337, network.get("chainId").asLong(), network.toString());
        assertEquals(contracts.addresses().get("TEERegistry"), network.get("contracts").get("TEERegistry").asText());

        String id = new ObjectMapper().readTree(CliTestRun.of("inferences", "--json", "--data-dir", data).out())
                .get(0).get("id").asText();
        CliTestRun bundle = CliTestRun.of("bundle", "--id", id, "--out", dir.resolve("b.zip").toString(),
                "--data-dir", data);
        assertEquals(ExitCode.VERIFIED, bundle.exitCode(), bundle.out() + bundle.err());
        assertTrue(Files.size(dir.resolve("b.zip")) > 0);
    }

    @Test
    @DisplayName("a store that records no network and no endpoints given: verify is bad input with a sentence")
    void nothingRecorded() {
        String data = dir.resolve("data6").toString();
        CliTestRun run = CliTestRun.of("verify", "--all", "--data-dir", data);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("does not record the network it was synced from"), run.err());
        assertTrue(run.err().contains("give --devnet DIR, or all of --rpc, --files and --blobs"), run.err());
        CliTestRun half = CliTestRun.of("verify", "--all", "--data-dir", data, "--blobs", blobs.baseUrl());
        assertEquals(ExitCode.BAD_INPUT, half.exitCode());
        assertTrue(half.err().contains("--files and --blobs need --rpc"), half.err());
    }

    @Test
    @DisplayName("sync --devnet records the demo root with the network, and --trust-root adds a root to a real one")
    void trustIsRecorded() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                TrustedRoots.awsNitroRoot().certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
        Path state = dir.resolve("state-root");
        Files.createDirectories(state);
        new DevnetManifest(31337, anvil.rpcUrl(), contracts.addresses(), hub.baseUrl(), hub.baseUrl(), blobs.baseUrl(),
                List.of(), state.resolve("ground-truth.json").toString(), 2, pem).write(state);
        Path data = dir.resolve("data7");
        CliTestRun sync = CliTestRun.of("sync", "--devnet", state.toString(), "--data-dir", data.toString());
        assertEquals(0, sync.exitCode(), sync.err());
        NetworkProfile demo = recorded(data);
        assertTrue(demo.demo());
        assertEquals(List.of(pem), demo.trustRoots());
        assertEquals(List.of(contracts.addresses().get("Inference"), contracts.addresses().get("InferenceJsons")),
                demo.contracts().inference());
        CliTestRun verify = CliTestRun.of("verify", "--all", "--data-dir", data.toString());
        assertTrue(verify.out().startsWith("network: demo (" + anvil.rpcUrl() + "), as this store was last synced "
                + "(demo attestation root trusted for it)"), verify.out());

        Path rootFile = dir.resolve("extra-root.pem");
        Files.writeString(rootFile, pem);
        Path data2 = dir.resolve("data8");
        CliTestRun real = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--trust-root", rootFile.toString(), "--data-dir", data2.toString());
        assertEquals(0, real.exitCode(), real.err());
        NetworkProfile withRoot = recorded(data2);
        assertFalse(withRoot.demo());
        assertEquals(List.of(pem), withRoot.trustRoots());
        CliTestRun missing = CliTestRun.of("sync", "--rpc", anvil.rpcUrl(), "--contracts", contractsOption,
                "--trust-root", dir.resolve("none.pem").toString(), "--data-dir", data2.toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("none.pem cannot be used: no such file"), missing.err());
    }

    private static NetworkProfile recorded(Path data) {
        try (Store store = Store.open(new DataDirectory(data))) {
            return store.read(SyncedNetworks::read).orElseThrow();
        }
    }
}

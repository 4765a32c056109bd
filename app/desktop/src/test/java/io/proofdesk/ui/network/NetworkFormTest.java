package io.proofdesk.ui.network;

import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.ui.AppWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFormTest {

    private static final String REGISTRY = "0x" + "AB".repeat(20);
    private static final String INFERENCE = "0x" + "01".repeat(20);
    private static final String JSONS = "0x" + "02".repeat(20);
    private final NetworkForm form = new NetworkForm(ResourceBundle.getBundle(AppWiring.STRINGS));

    private static NetworkDraft custom(String rpc, String hub, String chainId) {
        return new NetworkDraft(NetworkMode.CUSTOM, Map.of(NetworkField.DEMO_SIZE, "2000", NetworkField.RPC_URLS, rpc,
                NetworkField.HUB_URL, hub, NetworkField.TEE_REGISTRY, REGISTRY, NetworkField.CHAIN_ID, chainId));
    }

    @Test
    void aGoodCustomDraftBecomesAProfileWithEveryField() {
        NetworkDraft d = custom(" https://rpc.example.org \n\nhttp://127.0.0.1:8545\n", "https://hub.example.org/",
                "10744")
                .with(NetworkField.NAME, " lab ")
                .with(NetworkField.BLOB_STORE_URL, "https://blobs.example.org")
                .with(NetworkField.NODE_URLS, "https://node-1.example.org\nhttps://node-2.example.org")
                .with(NetworkField.SETTLEMENT_RELAY, "0x" + "cd".repeat(20))
                .with(NetworkField.INFERENCE, INFERENCE + "\n" + JSONS)
                .with(NetworkField.EXPLORER_URL, "https://scan.example.org")
                .with(NetworkField.FROM_BLOCK, "1,200")
                .with(NetworkField.TRUST_ROOTS, "roots/lab.pem");
        NetworkForm.Result r = form.validate(d, NetworkConfig.FIRST_RUN);
        assertTrue(r.ok(), r.problems().toString());
        NetworkProfile c = r.config().custom();
        assertEquals("lab", c.name());
        assertEquals(List.of("https://rpc.example.org", "http://127.0.0.1:8545"), c.rpc());
        assertEquals("https://hub.example.org/", c.hub());
        assertNull(c.fileStore());
        assertEquals("https://blobs.example.org", c.blobStore());
        assertEquals(List.of("https://node-1.example.org", "https://node-2.example.org"), c.nodes());
        assertEquals(new NetworkContracts(List.of(INFERENCE, JSONS), List.of(), List.of(REGISTRY.toLowerCase()),
                List.of("0x" + "cd".repeat(20))), c.contracts());
        assertEquals("https://scan.example.org", c.explorer());
        assertEquals(1200, c.fromBlock());
        assertEquals(10744L, c.chainId());
        assertEquals(List.of(Path.of("roots/lab.pem").toAbsolutePath().toString()), c.trustRoots(),
                "a trust root path is kept absolute");
    }

    @ParameterizedTest(name = "checkpoints {0}")
    @CsvSource(delimiter = '|', value = {
            "12|Checkpoints: “12” is not N:0xHASH (a block number, a colon, then the block hash as 0x and 64 hex digits).",
            "-1:0x0000000000000000000000000000000000000000000000000000000000000000|Checkpoints: “-1:0x0000000000000000000000000000000000000000000000000000…” is not N:0xHASH (a block number, a colon, then the block hash as 0x and 64 hex digits).",
            "7:0x00\\n8:0x00|Checkpoint 1: “7:0x00” is not N:0xHASH (a block number, a colon, then the block hash as 0x and 64 hex digits).; Checkpoint 2: “8:0x00” is not N:0xHASH (a block number, a colon, then the block hash as 0x and 64 hex digits)."})
    void wrongCheckpointsAreSentencesNamingTheLine(String text, String expected) {
        NetworkForm.Result r = form.validate(custom("https://rpc.example.org", "", "").with(NetworkField.CHECKPOINTS,
                text.replace("\\n", "\n")), NetworkConfig.FIRST_RUN);
        assertEquals(expected, String.join("; ", r.problems().stream().map(NetworkForm.Problem::sentence).toList()));
        assertTrue(r.problems().stream().allMatch(p -> p.field() == NetworkField.CHECKPOINTS));
    }

    @Test
    void checkpointsAreKeptOnceEachInLowerCase() {
        String hash = "0x" + "Ef".repeat(32);
        NetworkForm.Result r = form.validate(custom("https://rpc.example.org", "", "").with(NetworkField.CHECKPOINTS,
                "100:" + hash + "\n\n 100 : " + hash.toLowerCase() + "\n0:0x" + "00".repeat(32)), NetworkConfig.FIRST_RUN);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of("100:" + hash.toLowerCase(), "0:0x" + "00".repeat(32)), r.config().custom().checkpoints());
        assertEquals("100:" + hash.toLowerCase() + "\n0:0x" + "00".repeat(32),
                NetworkDraft.of(r.config()).text(NetworkField.CHECKPOINTS), "shown again one per line");
    }

    @ParameterizedTest(name = "hub URL {0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://hub.example.org|Model hub URL: “ftp://hub.example.org” uses ftp; only http:// and https:// are supported.",
            "hub.example.org|Model hub URL: “hub.example.org” has no scheme; start it with http:// or https://.",
            "http://|Model hub URL: “http://” is not a URL (Expected authority at character 8).",
            "https:///models|Model hub URL: “https:///models” has no host name.",
            "http://bob:secret@hub.example.org|Model hub URL: “http://bob:secret@hub.example.org” contains a user name or password; Proofdesk does not store credentials in URLs.",
            "http://hub example.org|Model hub URL: “http://hub example.org” is not a URL (Illegal character in authority at character 11).",
    })
    void badUrlsSayWhatIsWrongAndWhere(String url, String sentence) {
        NetworkForm.Result r = form.validate(custom("http://127.0.0.1:8545", url, ""), NetworkConfig.FIRST_RUN);
        assertEquals(List.of(new NetworkForm.Problem(NetworkField.HUB_URL, sentence)), r.problems());
        assertNull(r.config());
    }

    @Test
    void eachBadLineOfAListIsNamedByItsLine() {
        NetworkDraft d = custom("https://rpc.example.org\nws://rpc.example.org", "", "")
                .with(NetworkField.NODE_URLS, "https://node.example.org\nnode-2")
                .with(NetworkField.INFERENCE, INFERENCE + "\n0x12")
                .with(NetworkField.EXPLORER_URL, "scan.example.org");
        assertEquals(List.of("RPC URL 2: “ws://rpc.example.org” uses ws; only http:// and https:// are supported.",
                        "Node URL 2: “node-2” has no scheme; start it with http:// or https://.",
                        "Inference contract 2: “0x12” is not a contract address (0x followed by 40 hex digits).",
                        "Block explorer URL: “scan.example.org” has no scheme; start it with http:// or https://."),
                form.validate(d, NetworkConfig.FIRST_RUN).problems().stream().map(NetworkForm.Problem::sentence)
                        .toList());
    }

    @Test
    void aThirdInferenceContractABadFirstBlockAndADuplicateAreRefused() {
        NetworkDraft d = custom("https://rpc.example.org\nhttps://rpc.example.org", "", "")
                .with(NetworkField.INFERENCE, INFERENCE + "\n" + JSONS + "\n" + "0x" + "03".repeat(20))
                .with(NetworkField.FROM_BLOCK, "-1");
        List<NetworkForm.Problem> problems = form.validate(d, NetworkConfig.FIRST_RUN).problems();
        assertEquals(List.of(
                new NetworkForm.Problem(NetworkField.RPC_URLS, "RPC URLs: https://rpc.example.org is listed twice."),
                new NetworkForm.Problem(NetworkField.INFERENCE, "Inference contract addresses: 3 given; Proofdesk "
                        + "reads at most two (the ONNX inference contract and its jsons-layout twin)."),
                new NetworkForm.Problem(NetworkField.FROM_BLOCK,
                        "First block: “-1” is not a block number (a whole number from 0).")), problems);
    }

    @Test
    void missingRpcBadAddressAndBadChainIdAreAllListed() {
        NetworkDraft d = new NetworkDraft(NetworkMode.CUSTOM, Map.of(NetworkField.DEMO_SIZE, "2000",
                NetworkField.RPC_URLS, "  ", NetworkField.TEE_REGISTRY, "0x1234", NetworkField.CHAIN_ID, "-5"));
        List<NetworkForm.Problem> problems = form.validate(d, NetworkConfig.FIRST_RUN).problems();
        assertEquals(List.of(
                new NetworkForm.Problem(NetworkField.RPC_URLS, "RPC URLs: give at least one JSON-RPC endpoint, one per line."),
                new NetworkForm.Problem(NetworkField.CHAIN_ID,
                        "Expected chain id: “-5” is not a positive whole number."),
                new NetworkForm.Problem(NetworkField.TEE_REGISTRY,
                        "TEERegistry address: “0x1234” is not a contract address (0x followed by 40 hex digits).")),
                problems);
    }

    @Test
    void theDemoIgnoresHalfTypedCustomEndpointsAndKeepsTheSavedOnes() {
        NetworkConfig saved = new NetworkConfig(NetworkMode.CUSTOM, 2000, "/tmp/devnet.json",
                NetworkProfile.EMPTY.withSources(List.of("https://a.example"), null, null, null, new NetworkContracts(
                        List.of(), List.of(), List.of(REGISTRY.toLowerCase()), List.of()), 0));
        NetworkDraft d = new NetworkDraft(NetworkMode.DEMO, Map.of(NetworkField.DEMO_SIZE, "60",
                NetworkField.RPC_URLS, "ftp://half"));
        NetworkForm.Result r = form.validate(d, saved);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(NetworkMode.DEMO, r.config().mode());
        assertEquals(60, r.config().demoInferences());
        assertEquals(saved.custom(), r.config().custom());
        assertEquals("/tmp/devnet.json", r.config().devnetFile(), "an empty devnet field keeps the saved file");
    }

    @Test
    void importingADevnetNeedsItsFileAndKeepsItAbsolute() {
        NetworkDraft none = new NetworkDraft(NetworkMode.DEVNET, Map.of(NetworkField.DEMO_SIZE, "2000"));
        assertEquals(List.of(new NetworkForm.Problem(NetworkField.DEVNET_FILE, "devnet.json file: choose the "
                + "devnet.json that proofdesk devnet --state-dir DIR wrote, or its folder.")),
                form.validate(none, NetworkConfig.FIRST_RUN).problems());
        NetworkForm.Result r = form.validate(none.with(NetworkField.DEVNET_FILE, "state/devnet.json"),
                NetworkConfig.FIRST_RUN);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(Path.of("state/devnet.json").toAbsolutePath().toString(), r.config().devnetFile());
        assertEquals(NetworkProfile.EMPTY, r.config().custom());
    }

    @ParameterizedTest(name = "demo size {0}")
    @CsvSource({"0", "many", "100001"})
    void aDemoSizeOutOfRangeIsRefused(String size) {
        NetworkDraft d = new NetworkDraft(NetworkMode.DEMO, Map.of(NetworkField.DEMO_SIZE, size));
        assertEquals(List.of(new NetworkForm.Problem(NetworkField.DEMO_SIZE, "Demo size: “" + size
                + "” is not a whole number from 1 to 100,000.")), form.validate(d, NetworkConfig.FIRST_RUN).problems());
    }

    @Test
    void aProfileAppliedAndReadBackKeepsItsHeaderFormatAndPrecompiles() {
        NetworkProfile og = BuiltInNetworks.named(BuiltInNetworks.OPENGRADIENT_DEVNET).orElseThrow().profile();
        NetworkProfile lab = new NetworkProfile("lab", 4242L, List.of("https://rpc.example.org"), HeaderFormat.COSMOS_EVM,
                null, "https://hub.example.org", null, null, List.of(), new NetworkContracts(List.of(INFERENCE),
                List.of("0x" + "f4".repeat(20), "0x" + "00".repeat(19) + "f5"), List.of(), List.of()), 7, List.of(),
                false);
        for (NetworkProfile p : List.of(og, lab)) {
            NetworkConfig applied = new NetworkConfig(NetworkMode.CUSTOM, 2000, null, p);
            NetworkDraft shown = NetworkDraft.of(applied);
            assertEquals("cosmos-evm", shown.text(NetworkField.HEADER_FORMAT));
            NetworkForm.Result r = form.validate(shown, NetworkConfig.FIRST_RUN);
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(p, r.config().custom(), p.name());
        }
        // the node API the OpenGradient profile names is shown, and kept when the profile is applied again
        assertEquals("https://sdk-devnet.opengradient.ai", NetworkDraft.of(new NetworkConfig(NetworkMode.CUSTOM, 2000,
                null, og)).text(NetworkField.NODE_API));
        NetworkDraft badApi = NetworkDraft.of(new NetworkConfig(NetworkMode.CUSTOM, 2000, null, lab))
                .with(NetworkField.NODE_API, "ftp://api.example.org");
        assertEquals(List.of(NetworkField.NODE_API), form.validate(badApi, NetworkConfig.FIRST_RUN).problems().stream()
                .map(NetworkForm.Problem::field).toList());
        NetworkDraft started = NetworkDraft.of(NetworkConfig.FIRST_RUN).withCustom(lab);
        assertEquals(NetworkMode.CUSTOM, started.mode());
        assertEquals("0x" + "f4".repeat(20) + "\n0x" + "00".repeat(19) + "f5", started.text(NetworkField.PRECOMPILE));
        assertEquals("2000", started.text(NetworkField.DEMO_SIZE), "starting from a profile keeps the demo size");
    }

    @Test
    void aBlankHeaderFormatIsEthereumsAndAnUnknownOneOrABadPrecompileIsRefused() {
        NetworkForm.Result blank = form.validate(custom("https://rpc.example.org", "", ""), NetworkConfig.FIRST_RUN);
        assertEquals(HeaderFormat.ETHEREUM, blank.config().custom().headerFormat());
        NetworkDraft d = custom("https://rpc.example.org", "", "")
                .with(NetworkField.HEADER_FORMAT, "tendermint")
                .with(NetworkField.PRECOMPILE, "0xF4");
        assertEquals(List.of(
                new NetworkForm.Problem(NetworkField.HEADER_FORMAT,
                        "Header format: \u201ctendermint\u201d is not ethereum or cosmos-evm."),
                new NetworkForm.Problem(NetworkField.PRECOMPILE, "Inference precompile addresses: \u201c0xF4\u201d "
                        + "is not a contract address (0x followed by 40 hex digits).")),
                form.validate(d, NetworkConfig.FIRST_RUN).problems());
    }
}

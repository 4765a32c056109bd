package io.proofdesk.network;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkProfileJsonTest {

    static final String REGISTRY = "0x" + "ab".repeat(20);
    static final String RELAY = "0x" + "cd".repeat(20);
    static final String INFERENCE = "0x" + "01".repeat(20);
    static final String INFERENCE_JSONS = "0x" + "02".repeat(20);

    static NetworkProfile full() {
        return new NetworkProfile("testnet", 10740L, List.of("https://rpc-a.example", "https://rpc-b.example"),
                HeaderFormat.ETHEREUM, "https://explorer.example", "https://hub.example", "https://ipfs.example",
                "https://walrus.example", List.of("https://node-1.example"),
                new NetworkContracts(List.of(INFERENCE, INFERENCE_JSONS), List.of(), List.of(REGISTRY), List.of(RELAY)),
                1_200, List.of("roots/extra.pem"), false, "https://api.example");
    }

    @Test
    @DisplayName("a profile written and read back is the same profile, in the documented keys")
    void roundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("testnet.json");
        NetworkProfileJson.write(full(), file);
        assertEquals(full(), NetworkProfileJson.read(file));
        String text = Files.readString(file);
        for (String key : List.of("\"name\"", "\"chainId\"", "\"rpc\"", "\"headerFormat\"", "\"explorer\"", "\"hub\"",
                "\"fileStore\"", "\"blobStore\"", "\"nodes\"", "\"nodeApi\"", "\"contracts\"", "\"inference\"", "\"precompile\"",
                "\"registry\"", "\"relay\"", "\"fromBlock\"", "\"trustRoots\"")) {
            assertTrue(text.contains(key), key + " in " + text);
        }
        assertFalse(text.contains("\"demo\""), "demo: false is left out");
        assertFalse(text.contains("\"checkpoints\""), "no checkpoints: the key is left out");
    }

    @Test
    @DisplayName("checkpoints are read as N:0xHASH, kept lower case and once each, and written back")
    void checkpoints(@TempDir Path dir) throws Exception {
        String hash = "0x" + "Ab".repeat(32);
        NetworkProfile p = NetworkProfileJson.parse(("{\"rpc\": \"http://127.0.0.1:8545\", \"checkpoints\": [\" 100 : "
                + hash + "\", \"100:" + hash.toLowerCase() + "\", \"0:0x" + "00".repeat(32) + "\"]}")
                .getBytes(StandardCharsets.UTF_8), "n.json");
        assertEquals(List.of("100:" + hash.toLowerCase(), "0:0x" + "00".repeat(32)), p.checkpoints());
        Path file = dir.resolve("n.json");
        NetworkProfileJson.write(p, file);
        assertEquals(p, NetworkProfileJson.read(file));
        assertTrue(Files.readString(file).contains("\"checkpoints\""));
        NetworkProfileException twice = assertThrows(NetworkProfileException.class, () -> NetworkProfileJson.parse(
                ("{\"checkpoints\": [\"5:" + hash + "\", \"5:0x" + "00".repeat(32) + "\"]}")
                        .getBytes(StandardCharsets.UTF_8), "lab.json"));
        assertEquals("lab.json: checkpoints[1]: block 5 is already pinned to " + hash.toLowerCase() + ", not 0x"
                + "00".repeat(32), twice.getMessage());
    }

    @Test
    @DisplayName("the smallest profile: a name, one RPC and one contract; the rest defaults")
    void smallest() {
        NetworkProfile p = NetworkProfileJson.parse(("{\"name\": \"n\", \"rpc\": [\"http://127.0.0.1:8545\"], "
                + "\"contracts\": {\"inference\": \"" + INFERENCE.toUpperCase().replace("0X", "0x") + "\"}}")
                .getBytes(StandardCharsets.UTF_8), "n.json");
        assertEquals(List.of("http://127.0.0.1:8545"), p.rpc());
        assertEquals(List.of(INFERENCE), p.contracts().inference(), "one address for a list, kept lower case");
        assertEquals(HeaderFormat.ETHEREUM, p.headerFormat());
        assertEquals(0, p.fromBlock());
        assertEquals(null, p.chainId());
        assertFalse(p.demo());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key|{\"name\": \"n\", \"rcp\": []}|n.json: rcp: unknown key",
        "second RPC not http|{\"rpc\": [\"http://a.example\", \"ws://b.example\"]}|n.json: rpc[1]: \u201cws://b.example\u201d uses ws; only http:// and https:// are supported",
        "chain id below 1|{\"chainId\": -3}|n.json: chainId: \u201c-3\u201d is not a positive whole number",
        "registry address too short|{\"contracts\": {\"registry\": [\"0x1234\"]}}|n.json: contracts.registry[0]: \u201c0x1234\u201d is not a contract address",
        "unknown contract role|{\"contracts\": {\"oracle\": []}}|n.json: contracts.oracle: unknown key",
        "header format|{\"headerFormat\": \"tendermint\"}|n.json: headerFormat: \u201ctendermint\u201d is not ethereum or cosmos-evm",
        "negative first block|{\"fromBlock\": -1}|n.json: fromBlock: \u201c-1\u201d is not a block number",
        "hub without host|{\"hub\": \"http:///models\"}|n.json: hub: \u201chttp:///models\u201d has no host name",
        "not an object|[1, 2]|n.json: a network profile is a JSON object",
        "not JSON|{name|n.json: not JSON",
        "checkpoint without hash|{\"checkpoints\": [\"12:0xab\"]}|n.json: checkpoints[0]: checkpoint 12: hash 0xab is not 0x followed by 64 hex digits",
        "second checkpoint not N:HASH|{\"checkpoints\": [\"1:0x0000000000000000000000000000000000000000000000000000000000000000\", \"block-one\"]}|n.json: checkpoints[1]: checkpoint ",
        "checkpoints not a list|{\"checkpoints\": 5}|n.json: checkpoints: must be a list of text"})
    @DisplayName("a wrong profile is one sentence naming the file and the key")
    void wrongProfiles(String what, String json, String expectedStart) {
        NetworkProfileException e = assertThrows(NetworkProfileException.class,
                () -> NetworkProfileJson.parse(json.getBytes(StandardCharsets.UTF_8), "n.json"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    @DisplayName("cosmos-evm is read as a header format, and trust roots given as one path become a list")
    void cosmosAndSingleRoot() {
        NetworkProfile p = NetworkProfileJson.parse("{\"headerFormat\": \"cosmos-evm\", \"trustRoots\": \"a.pem\"}"
                .getBytes(StandardCharsets.UTF_8), "n.json");
        assertEquals(HeaderFormat.COSMOS_EVM, p.headerFormat());
        assertEquals(List.of("a.pem"), p.trustRoots());
    }
}

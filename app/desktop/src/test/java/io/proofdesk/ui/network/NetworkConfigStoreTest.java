package io.proofdesk.ui.network;

import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkConfigStoreTest {

    @TempDir
    Path dir;

    @Test
    void noFileIsFirstRunAndFirstRunIsTheDemo() throws Exception {
        NetworkConfigStore store = new NetworkConfigStore(dir.resolve(NetworkConfigStore.FILE_NAME));
        assertTrue(store.read().isEmpty());
        assertEquals(NetworkMode.DEMO, NetworkConfig.FIRST_RUN.mode());
        assertEquals(2_000, NetworkConfig.FIRST_RUN.demoInferences());
    }

    @Test
    void customEndpointsRoundTripAndTheWriteLeavesNoTemporaryFile() throws Exception {
        NetworkConfigStore store = new NetworkConfigStore(dir.resolve(NetworkConfigStore.FILE_NAME));
        NetworkConfig config = new NetworkConfig(NetworkMode.CUSTOM, 750, "/tmp/state/devnet.json", new NetworkProfile(
                "lab", 10_744L, List.of("https://rpc-a.example.org", "http://10.0.0.5:8545"), HeaderFormat.ETHEREUM,
                "https://scan.example.org", "https://hub.example.org", null, "https://blobs.example.org",
                List.of("https://node-1.example.org"), new NetworkContracts(List.of("0x" + "01".repeat(20),
                "0x" + "02".repeat(20)), List.of(), List.of("0x" + "ab".repeat(20)), List.of()), 12, List.of(
                "/etc/roots/lab.pem"), false));
        store.write(config);
        assertEquals(config, store.read().orElseThrow());
        store.write(config.withDemoInferences(60));
        assertEquals(60, store.read().orElseThrow().demoInferences());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(NetworkConfigStore.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBrokenFileIsAnErrorThatNamesTheFile() throws Exception {
        Path file = dir.resolve(NetworkConfigStore.FILE_NAME);
        Files.writeString(file, "{\"mode\": \"MAINNET\"");
        NetworkConfigUnreadableException e = assertThrows(NetworkConfigUnreadableException.class,
                () -> new NetworkConfigStore(file).read());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aDemoSizeOutOfRangeIsRefusedOnRead() throws Exception {
        Path file = dir.resolve(NetworkConfigStore.FILE_NAME);
        Files.writeString(file, "{\"mode\": \"DEMO\", \"demoInferences\": 0}");
        NetworkConfigUnreadableException e = assertThrows(NetworkConfigUnreadableException.class,
                () -> new NetworkConfigStore(file).read());
        assertTrue(e.getMessage().contains("demo size"), e.getMessage());
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        Path file = dir.resolve(NetworkConfigStore.FILE_NAME);
        Files.writeString(file, " ".repeat((int) NetworkConfigStore.MAX_BYTES + 1) + "{}");
        NetworkConfigUnreadableException e = assertThrows(NetworkConfigUnreadableException.class,
                () -> new NetworkConfigStore(file).read());
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void aVersion1FileIsReadIntoAProfileAndWrittenBackAsVersion2() throws Exception {
        Path file = dir.resolve(NetworkConfigStore.FILE_NAME);
        Files.writeString(file, """
                {"mode": "CUSTOM", "demoInferences": 60, "custom": {"rpcUrls": ["https://rpc.example.org"],
                 "hubUrl": "https://hub.example.org", "fileStoreUrl": null, "blobStoreUrl": "https://blobs.example.org",
                 "teeRegistry": "0xabababababababababababababababababababab", "settlementRelay": null,
                 "inference": "0x0101010101010101010101010101010101010101", "chainId": 10744}}
                """);
        NetworkConfigStore store = new NetworkConfigStore(file);
        NetworkConfig old = store.read().orElseThrow();
        assertEquals(NetworkMode.CUSTOM, old.mode());
        assertEquals(60, old.demoInferences());
        NetworkProfile p = old.custom();
        assertEquals(List.of("https://rpc.example.org"), p.rpc());
        assertEquals("https://hub.example.org", p.hub());
        assertEquals(null, p.fileStore());
        assertEquals("https://blobs.example.org", p.blobStore());
        assertEquals(List.of("0x" + "ab".repeat(20)), p.contracts().registry());
        assertEquals(List.of(), p.contracts().relay());
        assertEquals(List.of("0x" + "01".repeat(20)), p.contracts().inference());
        assertEquals(10_744L, p.chainId());
        store.write(old);
        assertTrue(Files.readString(file).contains("\"version\" : 2"), Files.readString(file));
        assertEquals(old, store.read().orElseThrow());
    }

    @Test
    void aNewerVersionOrAWrongProfileIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve(NetworkConfigStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 3, \"mode\": \"DEMO\"}");
        assertTrue(assertThrows(NetworkConfigUnreadableException.class, () -> new NetworkConfigStore(file).read())
                .getMessage().contains("written by a newer Proofdesk"));
        Files.writeString(file, "{\"version\": 2, \"mode\": \"CUSTOM\", \"custom\": {\"rpc\": [\"ftp://x\"]}}");
        String m = assertThrows(NetworkConfigUnreadableException.class, () -> new NetworkConfigStore(file).read())
                .getMessage();
        assertTrue(m.contains("custom: rpc[0]: \u201cftp://x\u201d uses ftp"), m);
    }
}

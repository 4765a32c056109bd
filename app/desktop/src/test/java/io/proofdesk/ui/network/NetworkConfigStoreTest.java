package io.proofdesk.ui.network;

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
        NetworkConfig config = new NetworkConfig(NetworkMode.CUSTOM, 750, new CustomNetwork(
                List.of("https://rpc-a.example.org", "http://10.0.0.5:8545"), "https://hub.example.org",
                null, "https://blobs.example.org", "0x" + "ab".repeat(20), null, "0x" + "01".repeat(20), 10_744L));
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
}

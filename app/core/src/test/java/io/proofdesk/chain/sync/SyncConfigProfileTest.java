package io.proofdesk.chain.sync;

import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.UnsupportedNetworkException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncConfigProfileTest {

    private static final String REGISTRY = "0x" + "ab".repeat(20);
    private static final String RELAY = "0x" + "cd".repeat(20);
    private static final String INFERENCE = "0x" + "01".repeat(20);
    private static final String JSONS = "0x" + "02".repeat(20);
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n";

    private static NetworkProfile profile(NetworkContracts contracts, HeaderFormat header, List<String> roots) {
        return new NetworkProfile("lab", 31337L, List.of("http://127.0.0.1:1"), header, "https://scan.example",
                "http://127.0.0.1:2", null, "http://127.0.0.1:3", List.of("http://127.0.0.1:4"), contracts, 7, roots,
                false);
    }

    @Test
    @DisplayName("a profile's contracts by role become the sync's addresses: two inference contracts, one of each else")
    void contractsByRole() {
        NetworkContracts c = new NetworkContracts(List.of(INFERENCE, JSONS), List.of(), List.of(REGISTRY), List.of(RELAY));
        SyncConfig config = SyncConfig.of(profile(c, HeaderFormat.ETHEREUM, List.of(PEM)), false, 1000, 256,
                SyncLimits.DEFAULT);
        assertEquals(new ContractAddresses(REGISTRY, RELAY, INFERENCE, JSONS), config.contracts());
        assertEquals("http://127.0.0.1:2", config.fileStoreUrl(), "no file store: the hub serves the files");
        assertEquals(7, config.fromBlock());
        assertEquals(c, config.contracts().toContracts());
    }

    @Test
    @DisplayName("what the store records: the profile with the endpoints the sync used and the chain it found")
    void recorded() {
        NetworkContracts c = new NetworkContracts(List.of(INFERENCE), List.of(), List.of(REGISTRY), List.of());
        SyncConfig config = SyncConfig.of(profile(c, HeaderFormat.ETHEREUM, List.of(PEM)), false, 1000, 256,
                SyncLimits.DEFAULT).withRpcUrls(List.of("http://127.0.0.1:9"));
        NetworkProfile r = config.recorded(31337);
        assertEquals(List.of("http://127.0.0.1:9"), r.rpc());
        assertEquals("https://scan.example", r.explorer());
        assertEquals(List.of(PEM), r.trustRoots());
        assertEquals(List.of("http://127.0.0.1:4"), r.nodes());
        assertEquals("http://127.0.0.1:2", r.fileStore());

        SyncConfig bare = SyncConfig.of("http://127.0.0.1:5", null, new ContractAddresses(null, null, INFERENCE, null),
                null, null);
        NetworkProfile unnamed = bare.recorded(10);
        assertEquals(10L, unnamed.chainId());
        assertEquals(List.of(), unnamed.trustRoots());
        assertNull(unnamed.blobStore());
    }

    @Test
    @DisplayName("two precompiles, a third inference contract and unread root paths are refused; one precompile and "
            + "cosmos-evm headers are synced")
    void refused() {
        String f4 = "0x" + "00".repeat(19) + "f4";
        NetworkContracts precompile = new NetworkContracts(List.of(), List.of(f4), List.of(), List.of());
        SyncConfig read = SyncConfig.of(profile(precompile, HeaderFormat.ETHEREUM, List.of()), false, 1000, 256,
                SyncLimits.DEFAULT);
        assertEquals(f4, read.contracts().precompile());
        assertEquals(List.of(f4), read.recorded(10740).contracts().precompile());
        assertNull(read.nodeApi(), "no node API named, none asked");
        NetworkContracts two = new NetworkContracts(List.of(), List.of(f4, "0x" + "00".repeat(19) + "f5"), List.of(),
                List.of());
        assertThrows(UnsupportedNetworkException.class, () -> SyncConfig.of(profile(two, HeaderFormat.ETHEREUM,
                List.of()), false, 1000, 256, SyncLimits.DEFAULT));
        NetworkContracts three = new NetworkContracts(List.of(INFERENCE, JSONS, RELAY), List.of(), List.of(), List.of());
        assertThrows(UnsupportedNetworkException.class, () -> SyncConfig.of(profile(three, HeaderFormat.ETHEREUM,
                List.of()), false, 1000, 256, SyncLimits.DEFAULT));
        NetworkContracts one = new NetworkContracts(List.of(INFERENCE), List.of(), List.of(), List.of());
        // cosmos-evm chains are synced (records TRUSTED or AGREED, never PROVED): the format is carried to the sync
        assertEquals(HeaderFormat.COSMOS_EVM, SyncConfig.of(profile(one, HeaderFormat.COSMOS_EVM, List.of()), false,
                1000, 256, SyncLimits.DEFAULT).headerFormat());
        assertThrows(IllegalArgumentException.class, () -> SyncConfig.of(profile(one, HeaderFormat.ETHEREUM,
                List.of("roots/a.pem")), false, 1000, 256, SyncLimits.DEFAULT));
    }

    @Test
    @DisplayName("a profile's explorer is one more source, asked but not required by the default quorum, and its "
            + "checkpoints are pinned")
    void explorerAndCheckpoints() {
        NetworkContracts one = new NetworkContracts(List.of(INFERENCE), List.of(), List.of(), List.of());
        String hash = "0x" + "9f".repeat(32);
        NetworkProfile p = profile(one, HeaderFormat.COSMOS_EVM, List.of()).withCheckpoints(List.of("42:" + hash));
        SyncConfig config = SyncConfig.of(p, false, 1000, 256, SyncLimits.DEFAULT);
        assertEquals(List.of("https://scan.example"), config.explorers());
        assertEquals(1, config.effectiveQuorum(), "the endpoint alone: the profile's explorer votes, is not required");
        assertEquals(List.of(new io.proofdesk.chain.proof.Checkpoint(42, hash)), config.checkpoints());
        assertEquals(1, config.withQuorum(1).effectiveQuorum());
        assertEquals(3, config.withQuorum(0).withExplorers(List.of("https://a.example", "https://b.example"))
                .effectiveQuorum(), "every source when asked for all");
        assertEquals(1, config.withExplorers(List.of()).effectiveQuorum());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> config.withQuorum(3));
        assertEquals("a quorum of 3 sources cannot be met by the 1 endpoint(s) and 1 explorer(s) given",
                tooMany.getMessage());
        assertThrows(io.proofdesk.chain.UnsupportedExplorerUrlException.class,
                () -> config.withExplorers(List.of("file:///etc/passwd")));
        assertEquals(List.of("42:" + hash), config.recorded(31337).checkpoints(), "the store records them with it");
    }
}

package io.proofdesk.ui.network;

import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A custom network whose profile lists an inference precompile syncs it, and says when its node API is unknown. */
class ChainNetworkSyncTest {

    private static final String REGISTRY = "0x" + "ab".repeat(20);
    private static final String PRECOMPILE = "0x" + "00".repeat(19) + "f4";

    private static NetworkProfile profile(HeaderFormat header, List<String> precompiles) {
        return new NetworkProfile("lab", 4242L, List.of("https://rpc.example.org"), header, null, null, null, null,
                List.of(), new NetworkContracts(List.of(), precompiles, List.of(REGISTRY), List.of()), 0, List.of(),
                false);
    }

    @Test
    void aPrecompileIsReadAndANetworkWithoutNodeApiSaysItsResultsAreNotFetched() {
        NetworkProfile p = profile(HeaderFormat.ETHEREUM, List.of(PRECOMPILE));
        SyncConfig c = ChainNetworkSync.config(NetworkEndpoints.of(p), false);
        assertEquals(REGISTRY, c.contracts().registry());
        assertEquals(PRECOMPILE, c.contracts().precompile());
        assertEquals(null, c.nodeApi());
        assertEquals(Optional.of("the inference precompile " + PRECOMPILE + " is read, but results it ran "
                + "asynchronously are not fetched: the network names no node API (profile key nodeApi); such records "
                + "are stored without outputs, with the reason"), ChainNetworkSync.precompileWithoutNodeApi(p));
        NetworkProfile withApi = p.withNodeApi("https://api.example.org");
        assertEquals(Optional.empty(), ChainNetworkSync.precompileWithoutNodeApi(withApi));
        assertEquals("https://api.example.org/artela-network/artela-rollkit/inference/tx/a%2Fb%20c",
                ChainNetworkSync.config(NetworkEndpoints.of(withApi), false).nodeApi().resultUrl("a/b c").toString());
        assertEquals(Optional.empty(), ChainNetworkSync.precompileWithoutNodeApi(
                profile(HeaderFormat.ETHEREUM, List.of())));
    }

    @Test
    void aCosmosEvmNetworkIsSyncedWithoutProofsAndKeepsItsHeaderFormat() {
        // its headers commit to no receipts: the sync reads it, and its records are TRUSTED or AGREED, never PROVED
        NetworkEndpoints ep = NetworkEndpoints.of(profile(HeaderFormat.COSMOS_EVM, List.of(PRECOMPILE)));
        SyncConfig c = ChainNetworkSync.config(ep, false);
        assertEquals(HeaderFormat.COSMOS_EVM, c.profile().headerFormat());
        assertEquals(List.of(PRECOMPILE), c.profile().contracts().precompile());
    }
}

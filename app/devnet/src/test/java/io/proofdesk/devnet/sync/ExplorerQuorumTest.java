package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainProofFailedException;
import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ExplorerLogSource;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncException;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.devnet.explorer.DemoExplorer;
import io.proofdesk.devnet.explorer.ExplorerLie;
import io.proofdesk.devnet.liar.LieTargets;
import io.proofdesk.domain.Inference;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block explorer as one more quorum source, against the demo network's explorer on a real anvil: on a chain read as
 * cosmos-evm (nothing proved) an explorer that agrees raises every record from TRUSTED to AGREED, one that lies stops
 * the sync naming it and what differs; on Ethereum headers the records stay PROVED whatever the explorer says, and a
 * lying one is named in a warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerQuorumTest {

    private Path dir;
    private SyncFixture fx;
    private DemoExplorer honest;
    private int stores;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        fx.settleIndividually(4, false);
        fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO));
        fx.settleBatch(3, false, true);
        fx.runMany(List.of(BigInteger.ONE, BigInteger.TWO));
        honest = DemoExplorer.start(fx.anvil.rpcUrl());
    }

    @AfterAll
    void stop() {
        honest.close();
        fx.close();
    }

    private DemoExplorer liar(ExplorerLie lie) throws Exception {
        return DemoExplorer.start(fx.anvil.rpcUrl(), LieTargets.of(fx.contracts.addresses()), lie);
    }

    /** The fixture's sync with the endpoint's chain read as {@code format}, {@code explorers} asked, quorum {@code k}. */
    private SyncConfig config(HeaderFormat format, List<String> explorers, int k) {
        SyncConfig c = fx.config();
        NetworkProfile profile = new NetworkProfile("explorer-test", c.expectedChainId(), c.rpcUrls(), format, null,
                c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(), List.of(), c.contracts().toContracts(), 0, List.of(),
                false);
        return new SyncConfig(c.rpcUrls(), c.expectedChainId(), c.contracts(), c.hubUrl(), c.fileStoreUrl(),
                c.blobStoreUrl(), 0, false, c.pollMillis(), c.keptBlockHashes(), c.limits(), profile, List.of(), k,
                explorers);
    }

    /** Syncs into a fresh store: every record's id -> "LEVEL - detail". */
    private Map<String, String> sync(SyncConfig config, List<String> warnings) {
        try (Store s = Store.open(new DataDirectory(dir.resolve("store-" + stores++)))) {
            new ChainSync(s, config, new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            Map<String, String> out = new TreeMap<>();
            for (Inference i : s.read(tx -> tx.inferences().page(InferenceQuery.all(), null, 10_000).items())) {
                out.put(i.id().toString(), i.evidence().describe());
            }
            return out;
        }
    }

    @Test
    @DisplayName("cosmos-evm headers: one endpoint is TRUSTED; with an explorer that agrees every record is AGREED")
    void explorerAgrees() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Map<String, String> alone = sync(config(HeaderFormat.COSMOS_EVM, List.of(), 0), warnings);
        assertTrue(alone.size() >= 12, "records: " + alone);
        assertTrue(alone.values().stream().allMatch(e -> e.equals("TRUSTED - one endpoint, not proved")), alone.toString());

        Map<String, String> agreed = sync(config(HeaderFormat.COSMOS_EVM, List.of(honest.baseUrl()), 0), warnings);
        assertEquals(alone.keySet(), agreed.keySet(), "the same records");
        assertTrue(agreed.values().stream().allMatch(e -> e.equals(
                "AGREED - agreed by 2 of 2 sources (1 endpoint, 1 block explorer)")), agreed.toString());
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest(name = "{0}: refused naming the explorer and ''{1}''")
    @CsvSource({"omit, missing there", "alter-data, with another transaction or data there"})
    @DisplayName("cosmos-evm headers: an explorer that lies stops the sync, named with the range and what differs")
    void explorerLiesUnproved(String mode, String difference) throws Exception {
        try (DemoExplorer liar = liar(ExplorerLie.parse(mode))) {
            String api = ExplorerLogSource.apiUrl(liar.baseUrl()).toString();
            List<String> warnings = new CopyOnWriteArrayList<>();
            SyncException e = assertThrows(SyncException.class,
                    () -> sync(config(HeaderFormat.COSMOS_EVM, List.of(liar.baseUrl()), 0), warnings));
            System.out.println("explorer " + mode + " on cosmos-evm: " + e.getMessage());
            assertTrue(e instanceof ChainProofFailedException, e.toString());
            assertEquals(api, e.endpoint());
            assertTrue(e.getMessage().matches("(?s).*block explorer " + java.util.regex.Pattern.quote(api)
                    + " disagrees with .* on blocks \\d+\\.\\.\\d+: getLogs gives .*"), e.getMessage());
            assertTrue(e.getMessage().contains(difference), e.getMessage());
            assertTrue(e.getMessage().contains("only 1 of 2 sources agree, the quorum is 2"), e.getMessage());
        }
    }

    @Test
    @DisplayName("cosmos-evm headers, quorum 1: a lying explorer is named in a warning and the records stay TRUSTED")
    void explorerOutvoted() throws Exception {
        try (DemoExplorer liar = liar(ExplorerLie.OMIT)) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            Map<String, String> records = sync(config(HeaderFormat.COSMOS_EVM, List.of(liar.baseUrl()), 1), warnings);
            assertFalse(records.isEmpty());
            assertTrue(records.values().stream().allMatch(e -> e.startsWith("TRUSTED")), records.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("block explorer " + liar.baseUrl() + "/api disagrees")),
                    warnings.toString());
        }
    }

    @Test
    @DisplayName("Ethereum headers: the proof wins; records stay PROVED, a lying explorer is named as wrong")
    void proofWins() throws Exception {
        List<String> none = new CopyOnWriteArrayList<>();
        Map<String, String> proved = sync(config(HeaderFormat.ETHEREUM, List.of(), 0), none);
        assertTrue(proved.values().stream().allMatch(e -> e.startsWith("PROVED - receipt proved against block ")),
                proved.toString());
        Map<String, String> withHonest = sync(config(HeaderFormat.ETHEREUM, List.of(honest.baseUrl()), 0), none);
        assertEquals(proved, withHonest, "an agreeing explorer changes nothing of proved records");
        assertEquals(List.of(), none);
        try (DemoExplorer liar = liar(ExplorerLie.OMIT)) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            Map<String, String> withLiar = sync(config(HeaderFormat.ETHEREUM, List.of(liar.baseUrl()), 0), warnings);
            System.out.println("explorer omit on ethereum: " + warnings);
            assertEquals(proved, withLiar, "the proved data is kept whole");
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("block explorer " + liar.baseUrl()
                    + "/api disagrees with " + fx.anvil.rpcUrl() + " on blocks ") && w.contains("missing there")
                    && w.endsWith("kept the proved data of " + fx.anvil.rpcUrl())), warnings.toString());
        }
    }
}

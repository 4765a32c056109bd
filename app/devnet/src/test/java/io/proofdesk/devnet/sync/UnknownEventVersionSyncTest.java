package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.domain.UnknownEvent;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A watched inference contract emitting events whose version Proofdesk does not know (here: the settlement relay's
 * address configured as the inference contract, so its real IndividualSettlement logs on anvil are unknown
 * InferenceResult versions): the sync stores each raw, says so in warnings, and a normal sync has no such warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownEventVersionSyncTest {

    private Path dir;
    private SyncFixture fx;
    private List<Log> settled;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        settled = fx.settleIndividually(2, false).receipt().getLogs();
        assertEquals(2, settled.size());
        results = fx.runMany(List.of(java.math.BigInteger.ZERO, java.math.BigInteger.ONE)).receipt().getLogs();
    }

    private List<Log> results;

    @Test
    @DisplayName("a relay (or registry) log whose topic no version has is stored raw too, never dropped; the relay's "
            + "and registry's housekeeping events are known and not stored")
    void unknownRelayTopicsAreStored() throws Exception {
        // the inference contract's address configured as the relay: its InferenceResult logs are no relay event
        SyncConfig c = fx.config();
        SyncConfig config = new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(
                fx.addresses().registry(), fx.addresses().inference(), null, null), c.hubUrl(), c.fileStoreUrl(),
                c.blobStoreUrl(), c.fromBlock(), c.follow(), c.pollMillis(), c.keptBlockHashes(), c.limits());
        try (Store s = Store.open(new DataDirectory(dir.resolve("relay-unknown")))) {
            SyncSummary summary = new ChainSync(s, config, SyncListener.NONE).run(new SyncControl());
            assertEquals(results.size(), summary.unknownEvents(), summary.toString());
            List<UnknownEvent> stored = s.read(tx -> tx.unknownEvents().page(-1, -1, 100));
            assertEquals(results.stream().map(l -> l.getTopics().getFirst().toLowerCase(Locale.ROOT)).toList(),
                    stored.stream().map(u -> u.topics().getFirst()).toList());
            assertTrue(stored.stream().allMatch(u -> u.address().equals(fx.addresses().inference())));
            // the demo registry's TEETypeAdded and AWSCertificateUpdated are housekeeping: known, not stored
            assertTrue(summary.warnings().stream().noneMatch(w -> w.contains("stored no")), summary.warnings().toString());
        }
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    @DisplayName("logs of an unknown event version are stored raw, warned about, and not doubled by a resumed sync")
    void unknownVersionsAreStoredRawAndWarned() throws Exception {
        String relay = fx.addresses().relay();
        SyncConfig c = fx.config();
        SyncConfig config = new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(null, null, relay,
                null), c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(), c.fromBlock(), c.follow(), c.pollMillis(),
                c.keptBlockHashes(), c.limits());
        List<String> warnings = new ArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        try (Store s = Store.open(new DataDirectory(dir.resolve("unknown")))) {
            SyncSummary summary = new ChainSync(s, config, listener).run(new SyncControl());
            assertEquals(2, summary.logs());
            assertEquals(0, summary.records());
            assertEquals(2, summary.unknownEvents());
            assertEquals(summary.warnings(), warnings);
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("2 log(s) of the watched contracts have an event version"),
                    warnings.get(0));
            assertTrue(warnings.get(1).contains("saw 2 log(s) but stored no inference record"), warnings.get(1));

            List<UnknownEvent> stored = s.read(tx -> tx.unknownEvents().page(-1, -1, 100));
            assertEquals(2, stored.size());
            for (int i = 0; i < 2; i++) {
                Log l = settled.get(i);
                UnknownEvent u = stored.get(i);
                assertEquals(l.getBlockNumber().longValueExact(), u.blockNumber());
                assertEquals(l.getLogIndex().longValueExact(), u.logIndex());
                assertEquals(l.getTransactionHash().toLowerCase(Locale.ROOT), u.txHash());
                assertEquals(relay, u.address());
                assertEquals(l.getTopics().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), u.topics());
                assertEquals(l.getData().toLowerCase(Locale.ROOT), u.data());
            }
            assertEquals(0L, (long) s.read(tx -> tx.inferences().count(InferenceQuery.all())));

            // a second run from the checkpoint sees nothing new and stores nothing twice
            new ChainSync(s, config, SyncListener.NONE).run(new SyncControl());
            assertEquals(2L, (long) s.read(tx -> tx.unknownEvents().count()));
        }
    }

    @Test
    @DisplayName("a sync of the demo contracts, asked without a topic filter, stores its records and warns of nothing")
    void knownVersionsGiveNoWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        try (Store s = Store.open(new DataDirectory(dir.resolve("known")))) {
            SyncSummary summary = new ChainSync(s, fx.config(), new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            assertEquals(0, summary.unknownEvents());
            assertEquals(2 + results.size(), summary.records(), "two settled and the on-chain results");
            assertEquals(List.of(), summary.warnings());
            assertTrue(warnings.stream().noneMatch(w -> w.contains("event version") || w.contains("stored no")),
                    warnings.toString());
            assertEquals(0L, (long) s.read(tx -> tx.unknownEvents().count()));
        }
    }
}

package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncException;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.devnet.liar.LieMode;
import io.proofdesk.devnet.liar.LieSettings;
import io.proofdesk.devnet.liar.LieTargets;
import io.proofdesk.devnet.liar.LyingRpc;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack suite: one history (registry events, individual and batch settlements, on-chain inference results)
 * synced honestly, then through the demo network's lying endpoint in every mode. Alone, a liar's sync ends in a
 * refusal naming it and a block, with nothing stored that the honest sync does not hold identically, or in a store
 * identical to the honest one; ahead of an honest endpoint, the honest data is kept whole, every record PROVED. A
 * phantom record is never stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LyingEndpointAttackTest {

    private static final SyncLimits LIMITS = SyncLimits.DEFAULT.withRpc(8L << 20, Duration.ofSeconds(2),
            Duration.ofSeconds(3)).withSpans(4, 1, 64, 50);

    private Path dir;
    private SyncFixture fx;
    private Map<String, String> honest;
    private int stores;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        fx.settleIndividually(4, false);
        fx.settleBatch(3, false, true);
        for (int i = 0; i < 3; i++) {
            fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO));
        }
        fx.settleIndividually(2, false);
        try (Store s = newStore()) {
            new ChainSync(s, fx.config().withLimits(LIMITS), SyncListener.NONE).run(new SyncControl());
            honest = records(s);
        }
        assertTrue(honest.size() >= 15, "honest records: " + honest.size());
        System.out.println("attack suite: honest sync of " + honest.size() + " records, e.g. "
                + honest.entrySet().iterator().next());
        assertTrue(honest.values().stream().allMatch(e -> e.startsWith("PROVED - receipt proved against block ")
                        && e.contains("linked to checkpoint 0 (genesis 0x")),
                "every honest record is PROVED: " + honest.values());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Store newStore() {
        return Store.open(new DataDirectory(dir.resolve("store-" + stores++)));
    }

    /** Every record as id -> "LEVEL - detail" plus the fields a lie could change. */
    private static Map<String, String> records(Store s) {
        Map<String, String> out = new TreeMap<>();
        for (Inference i : s.read(tx -> tx.inferences().page(InferenceQuery.all(), null, 10_000).items())) {
            out.put(i.id().toString(), i.evidence().describe() + " | " + i.mode() + " " + i.model() + " "
                    + i.blockNumber() + " " + tensors(i.inputs()) + " " + tensors(i.outputs()));
        }
        return out;
    }

    private static String tensors(List<io.proofdesk.domain.Tensor> ts) {
        StringBuilder b = new StringBuilder();
        for (io.proofdesk.domain.Tensor t : ts) {
            b.append(t.name()).append(java.util.Arrays.toString(t.shape())).append(java.util.HexFormat.of()
                    .formatHex(t.data())).append(t.strings()).append(';');
        }
        return b.toString();
    }

    private LyingRpc liar(LieMode mode) throws Exception {
        LieSettings settings = LieSettings.DEFAULT.withDripInterval(Duration.ofMillis(100));
        if (mode == LieMode.FORK) {
            settings = settings.withForkHeight(Math.max(1, fx.head() / 2));
        }
        return LyingRpc.start(fx.anvil.rpcUrl(), mode, LieTargets.of(fx.contracts.addresses()), settings);
    }

    @ParameterizedTest(name = "{0} alone: refused naming the liar and a block, or stored as the honest sync")
    @EnumSource(LieMode.class)
    @DisplayName("a lying endpoint alone")
    void alone(LieMode mode) throws Exception {
        try (LyingRpc liar = liar(mode); Store s = newStore()) {
            SyncConfig config = fx.config(liar.url()).withLimits(LIMITS);
            SyncException failure = null;
            try {
                new ChainSync(s, config, SyncListener.NONE).run(new SyncControl());
            } catch (SyncException e) {
                failure = e;
            }
            Map<String, String> stored = records(s);
            System.out.println("attack " + mode + " alone: " + (failure == null ? "stored " + stored.size()
                    + " records as the honest sync" : "refused: " + failure.getMessage() + " (" + stored.size()
                    + " records of proved chunks kept)"));
            if (failure == null) {
                assertEquals(honest, stored, mode + ": a sync that did not refuse must store what the honest one did");
            } else {
                assertEquals(liar.url(), failure.endpoint(), failure.getMessage());
                assertTrue(mode == LieMode.SLOW_DRIP || failure.getMessage().matches("(?s).*block \\d+.*"),
                        "names a block: " + failure.getMessage());
                // chunks proved before the lie was met may be kept, exactly as the honest sync has them
                stored.forEach((id, r) -> assertEquals(honest.get(id), r, mode + ": record " + id));
            }
            assertFalse(stored.keySet().stream().anyMatch(id -> id.endsWith(":999")), "no phantom record");
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("logs left out of eth_getLogs only are each recovered from the proved receipts, with a warning")
    void omittedLogsRecovered() throws Exception {
        try (LyingRpc liar = liar(LieMode.OMIT_LOGS); Store s = newStore()) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            new ChainSync(s, fx.config(liar.url()).withLimits(LIMITS), new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            List<String> recovered = warnings.stream().filter(w -> w.startsWith(liar.url() + ": eth_getLogs(")
                    && w.endsWith("recovered from the receipt")).toList();
            // the liar drops the watched logs whose index is 2 mod 3; the honest history has at least 15 records
            assertTrue(recovered.size() >= 3, "recovered: " + warnings);
            assertEquals(recovered.size(), recovered.stream().distinct().count(), "each log recovered once");
            // even blocks lost every log, so only their headers' blooms could lead the sync to them
            assertTrue(recovered.stream().anyMatch(w -> w.matches(".* of block \\d*[02468] \\(transaction .*")),
                    "a block that yielded no log was found by its bloom: " + recovered);
            assertEquals(honest, records(s), "the recovered store is the honest one");
        }
    }

    @ParameterizedTest(name = "{0} first, honest second: the honest data kept whole, the liar named")
    @EnumSource(LieMode.class)
    @DisplayName("a lying endpoint ahead of an honest one")
    void liarFirst(LieMode mode) throws Exception {
        try (LyingRpc liar = liar(mode); Store s = newStore()) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            SyncConfig config = fx.config().withRpcUrls(List.of(liar.url(), fx.anvil.rpcUrl())).withQuorum(1)
                    .withLimits(LIMITS);
            new ChainSync(s, config, new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            System.out.println("attack " + mode + " first: " + records(s).size() + " records; warnings " + warnings);
            assertEquals(honest, records(s), mode + ": " + warnings);
            assertTrue(records(s).values().stream().allMatch(r -> r.startsWith(EvidenceLevel.PROVED.name())));
            if (mode != LieMode.ALTER_CALLDATA) {
                // alter-calldata lies only in eth_getTransactionByHash, which a proving sync never asks
                assertNotNull(warnings.stream().filter(w -> w.startsWith(liar.url())).findFirst().orElse(null),
                        mode + ": the liar is named: " + warnings);
            }
        }
    }
}

package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.RpcTimeoutException;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.devnet.liar.LieMode;
import io.proofdesk.devnet.liar.LieSettings;
import io.proofdesk.devnet.liar.LieTargets;
import io.proofdesk.devnet.liar.LyingRpc;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sync through the demo network's slow-drip liar (eth_getLogs at one byte per 100 ms), with a 2 s deadline per
 * call and a 3 s budget: alone it fails within the budget naming the endpoint and the method; ahead of an honest
 * endpoint it is named and left for that one, which completes the sync.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowEndpointSyncTest {

    private static final SyncLimits LIMITS = SyncLimits.DEFAULT.withRpc(8L << 20, Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    private Path dir;
    private SyncFixture fx;
    private LyingRpc slow;
    private List<String> honestIds;
    private int stores;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        fx.settleIndividually(3, false);
        fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE));
        slow = LyingRpc.start(fx.anvil.rpcUrl(), LieMode.SLOW_DRIP, LieTargets.of(fx.contracts.addresses()),
                LieSettings.DEFAULT.withDripInterval(Duration.ofMillis(100)));
        try (Store s = newStore()) {
            new ChainSync(s, fx.config().withLimits(LIMITS), SyncListener.NONE).run(new SyncControl());
            honestIds = ids(s);
        }
        assertEquals(5, honestIds.size());
    }

    @AfterAll
    void stop() {
        if (slow != null) {
            slow.close();
        }
        fx.close();
    }

    private Store newStore() {
        return Store.open(new DataDirectory(dir.resolve("store-" + stores++)));
    }

    private static List<String> ids(Store s) {
        return s.read(tx -> tx.inferences().page(InferenceQuery.all(), null, 10_000).items().stream()
                .map(i -> i.id().toString()).sorted().toList());
    }

    @Test
    @DisplayName("alone, the slow endpoint fails the sync within its budget, naming the endpoint and eth_getLogs")
    void slowAlone() {
        try (Store s = newStore()) {
            SyncConfig config = fx.config(slow.url()).withLimits(LIMITS);
            long start = System.nanoTime();
            RpcTimeoutException e = assertThrows(RpcTimeoutException.class,
                    () -> new ChainSync(s, config, SyncListener.NONE).run(new SyncControl()));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 10, "failed after " + seconds + " s; the budget is 3 s");
            assertEquals(slow.url(), e.endpoint());
            assertTrue(e.getMessage().startsWith(slow.url() + ": eth_getLogs(")
                    && e.getMessage().contains("this endpoint is too slow"), e.getMessage());
            assertEquals(List.of(), ids(s));
        }
    }

    @Test
    @DisplayName("ahead of an honest endpoint, the slow one is named and left, and the honest one completes the sync")
    void failsOverToTheHonestEndpoint() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Store s = newStore()) {
            SyncConfig config = fx.config().withRpcUrls(List.of(slow.url(), fx.anvil.rpcUrl())).withLimits(LIMITS);
            long start = System.nanoTime();
            new ChainSync(s, config, new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 12, "synced after " + seconds + " s");
            assertEquals(honestIds, ids(s));
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith(slow.url() + ": eth_getLogs(")
                    && w.contains("too slow") && w.endsWith("switching to " + fx.anvil.rpcUrl())), warnings.toString());
        }
    }
}

package io.proofdesk.devnet.sync;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.RpcAnswerMalformedException;
import io.proofdesk.chain.sync.RpcAnswerTooLargeException;
import io.proofdesk.chain.sync.RpcErrorException;
import io.proofdesk.chain.sync.RpcLogRejectedException;
import io.proofdesk.chain.sync.RpcTimeoutException;
import io.proofdesk.chain.sync.RpcUnreachableException;
import io.proofdesk.chain.sync.StoreChainMismatchException;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncException;
import io.proofdesk.chain.sync.SyncLimits;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.WrongChainException;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import io.proofdesk.devnet.blobs.BlobStoreService;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile endpoints: each fault gives its own exception naming the endpoint, the store keeps only whole chunks, and
 * a later sync from an honest endpoint completes it to exactly the honest result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncHostileInputTest {

    private Path dir;
    private SyncFixture fx;
    private List<String> honestIds;
    private int stores;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        fx.registry();
        fx.settleIndividually(3, false);
        fx.runMany(List.of(BigInteger.ZERO, BigInteger.ONE));
        try (Store s = newStore()) {
            new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
            honestIds = ids(s);
        }
        assertEquals(5, honestIds.size());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Store newStore() {
        return Store.open(new DataDirectory(dir.resolve("store-" + stores++)));
    }

    private static List<String> ids(Store s) {
        return s.read(tx -> tx.inferences().page(InferenceQuery.all(), null, 10_000).items().stream()
                .map(i -> i.id().toString()).sorted().toList());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(HostileRpc.Fault.MALFORMED_JSON, "eth_getLogs", RpcAnswerMalformedException.class, "not valid JSON-RPC"),
                Arguments.of(HostileRpc.Fault.WRONG_CHAIN_ID, "eth_chainId", WrongChainException.class, "serves chain 1"),
                Arguments.of(HostileRpc.Fault.LOG_OUT_OF_RANGE, "eth_getLogs", RpcLogRejectedException.class, "outside the range"),
                Arguments.of(HostileRpc.Fault.LOG_FROM_OTHER_ADDRESS, "eth_getLogs", RpcLogRejectedException.class, "0x000000000000000000000000000000000000dead"),
                Arguments.of(HostileRpc.Fault.OVERSIZED, "eth_getLogs", RpcAnswerTooLargeException.class, "larger than"),
                Arguments.of(HostileRpc.Fault.STALL, "eth_getLogs", RpcTimeoutException.class, "no answer in time"),
                Arguments.of(HostileRpc.Fault.JSON_RPC_ERROR, "eth_getLogs", RpcErrorException.class, "internal failure"),
                Arguments.of(HostileRpc.Fault.MALFORMED_JSON, "eth_getBlockByNumber", RpcAnswerMalformedException.class, "not valid JSON-RPC"),
                Arguments.of(HostileRpc.Fault.MALFORMED_JSON, "eth_call", RpcAnswerMalformedException.class, "getTEE"));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("faults")
    void hostileEndpointStopsTheSyncCleanly(HostileRpc.Fault fault, String method, Class<? extends SyncException> expected,
                                            String detail) throws Exception {
        try (HostileRpc hostile = new HostileRpc(fx.anvil.rpcUrl(), fault, method); Store s = newStore()) {
            SyncConfig config = fx.config(hostile.url()).withLimits(SyncLimits.DEFAULT
                    .withRpc(1L << 20, Duration.ofMillis(800)).withSpans(4, 1, 64, 50));
            SyncException e = assertThrows(SyncException.class,
                    () -> new ChainSync(s, config, SyncListener.NONE).run(new SyncControl()));
            assertEquals(expected, e.getClass(), e.getMessage());
            assertEquals(hostile.url(), e.endpoint());
            assertTrue(e.getMessage().startsWith(hostile.url()) && e.getMessage().contains(detail), e.getMessage());

            // whatever was written is whole chunks below the checkpoint ...
            List<String> partial = ids(s);
            assertTrue(honestIds.containsAll(partial), partial.toString());
            long checkpoint = s.read(tx -> tx.checkpoints().all().stream().mapToLong(c -> c.lastBlock()).min().orElse(-1L));
            long beyond = s.read(tx -> tx.inferences().count(InferenceQuery.all().withBlocks(checkpoint + 1, null)));
            assertEquals(0, beyond, "no record past the checkpoint");
            // ... and an honest endpoint completes the store to exactly the honest result
            new ChainSync(s, fx.config(), SyncListener.NONE).run(new SyncControl());
            assertEquals(honestIds, ids(s));
        }
    }

    @Test
    @DisplayName("an unreachable endpoint is reported as such; with a second endpoint the sync fails over to it")
    void unreachableAndFailover() throws Exception {
        String dead = "http://127.0.0.1:9";
        try (Store s = newStore()) {
            RpcUnreachableException e = assertThrows(RpcUnreachableException.class,
                    () -> new ChainSync(s, fx.config(dead), SyncListener.NONE).run(new SyncControl()));
            assertEquals(dead, e.endpoint());
        }
        try (Store s = newStore()) {
            List<String> warnings = new ArrayList<>();
            new ChainSync(s, fx.config().withRpcUrls(List.of(dead, fx.anvil.rpcUrl())), new SyncListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).run(new SyncControl());
            assertEquals(honestIds, ids(s));
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith(dead)), warnings.toString());
            var endpoints = s.read(tx -> tx.endpoints().all());
            assertTrue(endpoints.stream().anyMatch(ep -> ep.url().equals(fx.anvil.rpcUrl()) && ep.lastLatencyMs() != null),
                    endpoints.toString());
        }
    }

    @Test
    @DisplayName("two endpoints that disagree on the head's hash are reported; a store of chain A refuses chain B")
    void disagreementAndChainMismatch(@TempDir Path other) throws Exception {
        try (SyncFixture b = new SyncFixture(other)) {
            b.mine(50);
            try (Store s = newStore()) {
                List<String> warnings = new ArrayList<>();
                new ChainSync(s, fx.config().withRpcUrls(List.of(fx.anvil.rpcUrl(), b.anvil.rpcUrl())), new SyncListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }).run(new SyncControl());
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("endpoints disagree on block")), warnings.toString());
                StoreChainMismatchException e = assertThrows(StoreChainMismatchException.class,
                        () -> new ChainSync(s, fx.config(b.anvil.rpcUrl()), SyncListener.NONE).run(new SyncControl()));
                assertTrue(e.getMessage().contains("genesis"), e.getMessage());
                assertEquals(honestIds, ids(s), "the refused sync wrote nothing");
            }
        }
        try (Store s = newStore()) {
            WrongChainException e = assertThrows(WrongChainException.class, () -> new ChainSync(s,
                    fx.config().withExpectedChainId(10740L), SyncListener.NONE).run(new SyncControl()));
            assertTrue(e.getMessage().contains("serves chain 31337, but chain 10740 is configured"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an oversized or missing blob: the record is stored without tensors, with the reason, and the sync goes on")
    void oversizedBlob() throws Exception {
        byte[] big = ("{\"pad\":\"" + "y".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String id = fx.blobs.put(big);
        SyncFixture.Settled r = fx.settledRecord(fx.tee1);
        var receipt = fx.contracts.settlementRelay().settleIndividualMany(List.of(new InferenceSettlementRelay.Settlement(
                Numeric.hexStringToByteArray(fx.tee1), r.inputHash(), r.outputHash(), BigInteger.valueOf(r.timestamp()),
                fx.tee1.substring(0, 42), id.getBytes(StandardCharsets.UTF_8), r.signature()))).send();
        try (Store s = newStore()) {
            SyncConfig config = fx.config().withLimits(fx.config().limits().withBlobs(64 * 1024, Duration.ofSeconds(5)));
            new ChainSync(s, config, SyncListener.NONE).run(new SyncControl());
            RecordId rid = RecordId.of(receipt.getTransactionHash(), receipt.getLogs().getFirst().getLogIndex().longValueExact());
            Inference inf = s.read(tx -> tx.loadInference(rid)).orElseThrow();
            assertEquals(SettlementKind.INDIVIDUAL, inf.settlement());
            assertTrue(inf.inputs().isEmpty() && inf.outputs().isEmpty());
            String note = s.read(tx -> tx.syncNotes().find(rid)).orElseThrow();
            assertTrue(note.contains("larger than 65536 bytes"), note);
            assertEquals(honestIds.size() + 1, ids(s).size());
        }
        honestIds = new ArrayList<>(honestIds);
        honestIds.add(RecordId.of(receipt.getTransactionHash(), receipt.getLogs().getFirst().getLogIndex().longValueExact()).toString());
        honestIds = honestIds.stream().sorted().toList();
        assertTrue(BlobStoreService.idOf(big).equals(id));
    }
}

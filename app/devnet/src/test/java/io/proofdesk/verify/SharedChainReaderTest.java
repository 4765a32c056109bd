package io.proofdesk.verify;

import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import io.proofdesk.devnet.chain.ChainDeployer;
import io.proofdesk.devnet.chain.ChainSession;
import io.proofdesk.devnet.chain.DevAccounts;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.verify.checks.RecordCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record check over a {@link SharedChainReader} on real anvil, through a counting JSON-RPC forwarder on
 * 127.0.0.1: every leaf of a batch settlement shares one receipt and one block hash, a chunk's receipts and blocks
 * come in one batch request each, and sharing changes no verdict — a record that does not match the shared answer
 * still fails, a failed ask is not kept, and an answer for another transaction is an error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedChainReaderTest {

    private static final int LEAVES = 32;

    /** One batchSettle transaction: alone in its block, one log. */
    private record Settled(String tx, long block, long logIndex, String root, String blobId) {
    }

    private AnvilProcess anvil;
    private ChainSession session;
    private final List<Settled> settled = new ArrayList<>();
    private RpcProxy proxy;

    @BeforeAll
    void chain(@TempDir Path dir) throws Exception {
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), dir));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        InferenceSettlementRelay relay = new ChainDeployer(session).deployAll().settlementRelay();
        for (int i = 0; i < 3; i++) {
            byte[] root = Hash.sha3(("root " + i).getBytes(StandardCharsets.UTF_8));
            String blobId = "batch-blob-" + i;
            TransactionReceipt r = relay.batchSettle(root, BigInteger.valueOf(LEAVES),
                    blobId.getBytes(StandardCharsets.US_ASCII)).send();
            settled.add(new Settled(r.getTransactionHash(), r.getBlockNumber().longValueExact(),
                    r.getLogs().getFirst().getLogIndex().longValueExact(), Numeric.toHexString(root), blobId));
        }
    }

    @AfterAll
    void stopChain() {
        session.close();
        anvil.close();
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new RpcProxy(anvil.rpcUrl());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private SharedChainReader reader(long maxAnswerBytes) {
        return new SharedChainReader(ChainReader.of(new Web3jChainReader(proxy.url(), maxAnswerBytes,
                Duration.ofSeconds(10))));
    }

    private SharedChainReader reader() {
        return reader(Web3jChainReader.MAX_ANSWER_BYTES);
    }

    private static Inference leaf(Settled s, int leaf, long storedBlock, long logIndex, String root) {
        return new Inference(RecordId.parse(s.tx() + ":" + logIndex + "#" + leaf), InferenceMode.TEE, "model", null,
                null, null, SettlementKind.BATCH, storedBlock, Instant.ofEpochSecond(1), null, null, null,
                Bytes.empty(), s.blobId(), root, List.of(), null, null, null);
    }

    private static Inference leaf(Settled s, int leaf) {
        return leaf(s, leaf, s.block(), s.logIndex(), s.root());
    }

    private static CheckResult check(ChainReader chain, Inference r) {
        StoredFacts facts = new StoredFacts(r, Optional.empty(), List.of(), null, Optional.empty(), Optional.empty(),
                List.of());
        return new RecordCheck(chain).check(new RecordEvidence(facts, id -> new byte[0]));
    }

    @Test
    @DisplayName("32 leaves checked on 8 threads share one receipt and one block hash, and all pass")
    void oneReceiptServesEveryLeaf() throws Exception {
        SharedChainReader chain = reader();
        Settled s = settled.getFirst();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CheckResult>> lines = new ArrayList<>();
            for (int i = 0; i < LEAVES; i++) {
                Inference r = leaf(s, i);
                lines.add(pool.submit(() -> check(chain, r)));
            }
            for (Future<CheckResult> line : lines) {
                assertEquals(CheckStatus.PASS, line.get().status(), line.get().reason());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, proxy.asked("eth_getTransactionReceipt"), proxy.requests().toString());
        assertEquals(1, proxy.asked("eth_getBlockByNumber"), proxy.requests().toString());
    }

    @Test
    @DisplayName("a record that does not match the shared receipt still fails, beside ones that pass")
    void sharedAnswersStillFailMismatches() {
        SharedChainReader chain = reader();
        Settled s = settled.getFirst();
        assertEquals(CheckStatus.PASS, check(chain, leaf(s, 0)).status());
        CheckResult wrongRoot = check(chain, leaf(s, 1, s.block(), s.logIndex(), "0x" + "11".repeat(32)));
        assertEquals(CheckStatus.FAIL, wrongRoot.status());
        assertTrue(wrongRoot.reason().contains("Merkle root"), wrongRoot.reason());
        CheckResult wrongBlock = check(chain, leaf(s, 2, s.block() + 1, s.logIndex(), s.root()));
        assertEquals(CheckStatus.FAIL, wrongBlock.status());
        assertTrue(wrongBlock.reason().contains("the store says " + (s.block() + 1)), wrongBlock.reason());
        CheckResult wrongLog = check(chain, leaf(s, 3, s.block(), s.logIndex() + 5, s.root()));
        assertEquals(CheckStatus.FAIL, wrongLog.status());
        assertTrue(wrongLog.reason().contains("no log with index"), wrongLog.reason());
        assertEquals(CheckStatus.PASS, check(chain, leaf(s, 4)).status());
        assertEquals(1, proxy.asked("eth_getTransactionReceipt"));
    }

    @Test
    @DisplayName("a prefetch asks for a chunk's receipts in one batch request and their blocks in another")
    void prefetchBatchesAChunk() {
        SharedChainReader chain = reader();
        chain.prefetch(settled.stream().map(Settled::tx).toList());
        assertEquals(List.of(List.of("eth_getTransactionReceipt", "eth_getTransactionReceipt",
                        "eth_getTransactionReceipt"),
                List.of("eth_getBlockByNumber", "eth_getBlockByNumber", "eth_getBlockByNumber")), proxy.requests());
        for (Settled s : settled) {
            assertEquals(CheckStatus.PASS, check(chain, leaf(s, 0)).status());
        }
        assertEquals(2, proxy.requests().size(), "the records used the prefetched answers");
        chain.prefetch(settled.stream().map(Settled::tx).toList());
        assertEquals(2, proxy.requests().size(), "nothing held is asked for again");
    }

    @Test
    @DisplayName("a batch answer past the size cap falls back to asking one by one, each under the cap")
    void batchPastTheCapFallsBack() throws Exception {
        Settled first = settled.getFirst();
        reader().receipt(first.tx());
        reader().blockHash(first.block());
        // room for any one answer, not for three receipts in one
        int cap = proxy.answerBytes().stream().mapToInt(Integer::intValue).max().orElseThrow() + 16;
        proxy.reset();
        SharedChainReader chain = reader(cap);
        chain.prefetch(settled.stream().map(Settled::tx).toList());
        List<Integer> receiptRequests = proxy.requests().stream()
                .filter(methods -> methods.getFirst().equals("eth_getTransactionReceipt")).map(List::size).toList();
        assertEquals(List.of(3, 1, 1, 1), receiptRequests, "one batch refused as too large, then each alone");
        for (Settled s : settled) {
            assertEquals(CheckStatus.PASS, check(chain, leaf(s, 0)).status());
        }
        assertEquals(6, proxy.asked("eth_getTransactionReceipt"), "the records used what the fallback fetched");
    }

    @Test
    @DisplayName("an ask that failed is not kept: the chain refusing is an ERROR, and the next record asks again")
    void failuresAreNotKept() {
        SharedChainReader chain = reader();
        Settled s = settled.getFirst();
        proxy.mode = RpcProxy.Mode.REFUSE;
        CheckResult refused = check(chain, leaf(s, 0));
        assertEquals(CheckStatus.ERROR, refused.status());
        assertTrue(refused.reason().contains("could not be asked"), refused.reason());
        chain.prefetch(List.of(s.tx()));
        proxy.mode = RpcProxy.Mode.FORWARD;
        assertEquals(CheckStatus.PASS, check(chain, leaf(s, 1)).status());
        assertEquals(3, proxy.asked("eth_getTransactionReceipt"), proxy.requests().toString());
    }

    @Test
    @DisplayName("a receipt of another transaction is refused, asked alone or in a batch")
    void receiptOfAnotherTransaction() {
        proxy.mode = RpcProxy.Mode.OTHER_TRANSACTION;
        SharedChainReader chain = reader();
        chain.prefetch(settled.stream().map(Settled::tx).toList());
        for (Settled s : settled) {
            CheckResult line = check(chain, leaf(s, 0));
            assertEquals(CheckStatus.ERROR, line.status());
            assertTrue(line.reason().contains("got one for " + RpcProxy.OTHER_TX), line.reason());
        }
    }
}

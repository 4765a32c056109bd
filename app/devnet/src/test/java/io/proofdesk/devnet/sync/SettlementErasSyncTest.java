package io.proofdesk.devnet.sync;

import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.chain.Web3jChainReader;
import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.ContractAddresses;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.devnet.contracts.LegacySettlementRelay;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.node.BlobStoreClient;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Store;
import io.proofdesk.verify.ChainReader;
import io.proofdesk.verify.VerificationSources;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both settlement eras on anvil. The Dec 2025 relay (LegacySettlementRelay, OpenGradient's SettlementRelay with the
 * same events) settles hashes only, hashes with the input and output on chain (honest, forged, and empty as the
 * facilitator of the time sent them) and a batch root without a blob id; the relay of today settles a batch whose
 * blob is a tree of the older worker's (input_hash, output_hash, keccak(signature)) leaves. A sync stores each
 * record with what it cannot prove, and the verifier never calls one VERIFIED: it holds SettlementWithMetadata's
 * hashes against its data (a forged one is a MISMATCH) and leaves the rest UNVERIFIED with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementErasSyncTest {

    private Path dir;
    private SyncFixture fx;
    private LegacySettlementRelay legacy;
    private final byte[] request = "{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"model\":\"m\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] response = "hello there".getBytes(StandardCharsets.UTF_8);
    private TransactionReceipt hashesOnly;
    private TransactionReceipt honest;
    private TransactionReceipt forged;
    private TransactionReceipt empty;
    private TransactionReceipt oldBatch;
    private TransactionReceipt sigHashBatch;
    private List<List<Type>> sigHashLeaves;
    private TransactionReceipt missingBlobBatch;

    @BeforeAll
    void history(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fx = new SyncFixture(tmp.resolve("fx"));
        var s = fx.session;
        legacy = LegacySettlementRelay.deploy(s.web3j(), s.transactionManager(), s.gasProvider()).send();
        hashesOnly = legacy.settle(Hash.sha3(request), Hash.sha3(response)).send();
        honest = legacy.settleWithMetadata(Hash.sha3(request), Hash.sha3(response), "gpt-4.1", request, response)
                .send();
        forged = legacy.settleWithMetadata(Hash.sha3(request), Hash.sha3("another answer".getBytes(
                StandardCharsets.UTF_8)), "gpt-4.1", request, response).send();
        empty = legacy.settleWithMetadata(Hash.sha3(request), Hash.sha3(response), "", new byte[0], new byte[0])
                .send();
        oldBatch = legacy.batchSettle(Hash.sha3("root".getBytes(StandardCharsets.UTF_8)), BigInteger.valueOf(3))
                .send();

        // today's relay, a blob in the Feb 2026 facilitator's leaf layout (all_networks_shared.ts at 015ceb5)
        sigHashLeaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sigHashLeaves.add(List.of(new Bytes32(Hash.sha3(("in" + i).getBytes(StandardCharsets.UTF_8))),
                    new Bytes32(Hash.sha3(("out" + i).getBytes(StandardCharsets.UTF_8))),
                    new Bytes32(Hash.sha3(("signature" + i).getBytes(StandardCharsets.UTF_8)))));
        }
        StandardMerkleTree tree = StandardMerkleTree.of(sigHashLeaves, List.of("bytes32", "bytes32", "bytes32"));
        String blobId = fx.blobs.put(tree.dump().getBytes(StandardCharsets.UTF_8));
        sigHashBatch = fx.contracts.settlementRelay().batchSettle(tree.root(), BigInteger.valueOf(3),
                blobId.getBytes(StandardCharsets.UTF_8)).send();
        // today's relay, a batch whose blob the blob store does not have
        missingBlobBatch = fx.contracts.settlementRelay().batchSettle(Hash.sha3("lost".getBytes(
                StandardCharsets.UTF_8)), BigInteger.valueOf(2), "no-such-blob".getBytes(StandardCharsets.UTF_8)).send();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static RecordId idOf(TransactionReceipt r) {
        assertEquals(1, r.getLogs().size());
        return RecordId.of(r.getTransactionHash().toLowerCase(Locale.ROOT), r.getLogs().getFirst().getLogIndex()
                .longValueExact());
    }

    private static RecordId leafOf(TransactionReceipt r, int leaf) {
        RecordId id = idOf(r);
        return RecordId.leaf(id.txHash(), id.logIndex(), leaf);
    }

    @Test
    void everyEraIsStoredAndNoneVerifiesWithoutWhatItLacks() throws IOException {
        SyncConfig c = fx.config();
        SyncConfig legacyConfig = new SyncConfig(c.rpcUrls(), c.expectedChainId(), new ContractAddresses(null,
                legacy.getContractAddress(), null, null), c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(),
                c.fromBlock(), c.follow(), c.pollMillis(), c.keptBlockHashes(), c.limits());
        try (Store store = Store.open(new DataDirectory(dir.resolve("legacy")));
             SessionCache sessions = SessionCache.withDefaults()) {
            SyncSummary summary = new ChainSync(store, legacyConfig, SyncListener.NONE).run(new SyncControl());
            assertEquals(4 + 3, summary.records());
            assertEquals(0, summary.unknownEvents());
            assertEquals(7L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));

            Inference h = store.read(tx -> tx.loadInference(idOf(hashesOnly))).orElseThrow();
            assertEquals(SettlementKind.INDIVIDUAL, h.settlement());
            assertEquals(Numeric.toHexString(Hash.sha3(request)), h.inputHash());
            assertEquals(Numeric.toHexString(Hash.sha3(response)), h.outputHash());
            assertNull(h.teeId());
            assertNull(h.blobId());
            assertTrue(note(store, h.id()).contains("settles two hashes only"), note(store, h.id()));
            Inference m = store.read(tx -> tx.loadInference(idOf(honest))).orElseThrow();
            assertEquals("gpt-4.1", m.model());
            assertTrue(store.read(tx -> tx.loadInference(leafOf(oldBatch, 2))).isPresent());
            Inference leaf = store.read(tx -> tx.loadInference(leafOf(oldBatch, 0))).orElseThrow();
            assertEquals(SettlementKind.BATCH, leaf.settlement());
            assertEquals(Numeric.toHexString(Hash.sha3("root".getBytes(StandardCharsets.UTF_8))), leaf.merkleRoot());
            assertTrue(note(store, leaf.id()).contains("leaves cannot be fetched"), note(store, leaf.id()));

            Verifier verifier = new Verifier(store, sources(), sessions, VerifierOptions.defaults(),
                    Clock.systemUTC());
            VerdictRecord vh = verifier.verify(idOf(hashesOnly)).orElseThrow().verdict();
            assertEquals(Verdict.UNVERIFIED, vh.verdict());
            assertEquals(Map.of("record", CheckStatus.PASS, "blob", CheckStatus.UNVERIFIED,
                    "signature", CheckStatus.UNVERIFIED), statuses(vh));
            assertTrue(vh.reason().contains("hashes only"), vh.reason());

            VerdictRecord vm = verifier.verify(idOf(honest)).orElseThrow().verdict();
            assertEquals(Verdict.UNVERIFIED, vm.verdict());
            assertEquals(Map.of("record", CheckStatus.PASS, "blob", CheckStatus.PASS,
                    "signature", CheckStatus.UNVERIFIED), statuses(vm));

            VerdictRecord vf = verifier.verify(idOf(forged)).orElseThrow().verdict();
            assertEquals(Verdict.MISMATCH, vf.verdict());
            assertEquals(List.of("blob"), vf.failedChecks());
            assertTrue(vf.reason().contains("the output data on chain hashes to"), vf.reason());

            VerdictRecord ve = verifier.verify(idOf(empty)).orElseThrow().verdict();
            assertEquals(Verdict.UNVERIFIED, ve.verdict());
            assertTrue(ve.reason().contains("empty input and output data"), ve.reason());

            VerdictRecord vb = verifier.verify(leafOf(oldBatch, 1)).orElseThrow().verdict();
            assertEquals(Verdict.UNVERIFIED, vb.verdict());
            assertEquals(CheckStatus.PASS, statuses(vb).get("record"));
            assertTrue(vb.reason().contains("the leaves cannot be fetched"), vb.reason());
        }

        // today's relay, a blob of the older worker's leaf layout: each leaf a record with its hashes, no TEE id
        try (Store store = Store.open(new DataDirectory(dir.resolve("today")));
             SessionCache sessions = SessionCache.withDefaults()) {
            SyncSummary summary = new ChainSync(store, c, SyncListener.NONE).run(new SyncControl());
            assertTrue(summary.records() >= 3, summary.toString());
            for (int i = 0; i < 3; i++) {
                int at = i;
                Inference r = store.read(tx -> tx.loadInference(leafOf(sigHashBatch, at))).orElseThrow();
                assertNull(r.teeId());
                assertEquals(Numeric.toHexString(((Bytes32) sigHashLeaves.get(i).get(0)).getValue()), r.inputHash());
                assertEquals(Numeric.toHexString(((Bytes32) sigHashLeaves.get(i).get(1)).getValue()), r.outputHash());
                assertTrue(note(store, r.id()).contains("only the signature's hash"), note(store, r.id()));
            }
            Verifier verifier = new Verifier(store, sources(), sessions, VerifierOptions.defaults(),
                    Clock.systemUTC());
            VerdictRecord v = verifier.verify(leafOf(sigHashBatch, 1)).orElseThrow().verdict();
            assertEquals(CheckStatus.PASS, statuses(v).get("record"), v.reason());
            assertEquals(CheckStatus.PASS, statuses(v).get("batch-inclusion"), v.reason());
            // the signer of an honest leaf of this layout is not known: unverified, not a mismatch
            assertEquals(Verdict.UNVERIFIED, v.verdict(), v.reason());
            // a batch whose blob cannot be had names no TEE either: nothing about it is a mismatch
            Inference lost = store.read(tx -> tx.loadInference(leafOf(missingBlobBatch, 0))).orElseThrow();
            assertNull(lost.teeId());
            VerdictRecord vl = verifier.verify(lost.id()).orElseThrow().verdict();
            // the blob store's refusal is an ERROR of the fetch, never a MISMATCH of the record
            assertEquals(Verdict.ERROR, vl.verdict(), vl.reason());
            assertTrue(vl.checks().stream().noneMatch(line -> line.status() == CheckStatus.FAIL), vl.checks().toString());
            assertEquals(CheckStatus.UNVERIFIED, statuses(vl).get("tee-status"), vl.checks().toString());
            assertEquals(CheckStatus.UNVERIFIED, statuses(vl).get("attestation"), vl.checks().toString());
        }
    }

    private VerificationSources sources() {
        ChainReader chain = ChainReader.of(new Web3jChainReader(fx.anvil.rpcUrl()));
        return new VerificationSources(chain, new BlobStoreClient(fx.blobs.baseUrl())::fetch, cid -> {
            throw new IOException("no model files in this test");
        }, (node, nonce) -> {
            throw new IOException("no TEE nodes in this test");
        }, TrustedRoots.awsNitro());
    }

    private static Map<String, CheckStatus> statuses(VerdictRecord v) {
        return v.checks().stream().collect(Collectors.toMap(CheckResult::name, CheckResult::status));
    }

    private static String note(Store store, RecordId id) {
        return store.read(tx -> tx.syncNotes().find(id)).orElse("");
    }
}

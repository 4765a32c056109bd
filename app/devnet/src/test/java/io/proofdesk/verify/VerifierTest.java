package io.proofdesk.verify;

import io.proofdesk.devnet.node.NodeBehaviour;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.reexec.SessionCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier over a real SQLite store and a small real demo network (nodes running ONNX Runtime and signing,
 * hub, blob store): honest records are VERIFIED, each tampered one is a MISMATCH naming the check that caught it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifierTest {

    DemoWorld world;
    SessionCache sessions;
    final Map<String, RecordId> honest = new LinkedHashMap<>();
    final Map<String, RecordId> faulty = new LinkedHashMap<>();
    RecordId zkml;

    @BeforeAll
    void seed(@TempDir Path dir) throws Exception {
        world = new DemoWorld(dir);
        sessions = SessionCache.withDefaults();
        honest.put("individual-1", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 1), false));
        honest.put("individual-2", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit2, 2), false));
        List<RecordId> batch = world.settleBatch(List.of(world.infer(NodeBehaviour.HONEST, world.credit1, 3),
                world.infer(NodeBehaviour.HONEST, world.credit1, 4), world.infer(NodeBehaviour.HONEST, world.credit2, 5)), null);
        for (int i = 0; i < batch.size(); i++) {
            honest.put("batch-leaf-" + i, batch.get(i));
        }
        honest.put("vanilla", world.vanilla(world.credit1, 6, false));
        faulty.put("forged-output", world.settleIndividually(world.infer(NodeBehaviour.FORGED_OUTPUT, world.credit1, 7), false));
        faulty.put("swapped-model", world.settleIndividually(world.infer(NodeBehaviour.SWAPPED_MODEL, world.credit1, 8), false));
        faulty.put("bad-signature", world.settleIndividually(world.infer(NodeBehaviour.BAD_SIGNATURE, world.credit1, 9), false));
        faulty.put("stale-attestation", world.settleIndividually(world.infer(NodeBehaviour.STALE_ATTESTATION, world.credit1, 10), false));
        faulty.put("unapproved-pcr", world.settleIndividually(world.infer(NodeBehaviour.UNAPPROVED_PCR, world.credit1, 11), false));
        faulty.put("model-cid-mismatch", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.tamperedModel, 12), false));
        faulty.put("blob-mismatch", world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 13), true));
        faulty.put("merkle-missing", world.settleBatch(List.of(world.infer(NodeBehaviour.HONEST, world.credit1, 14)),
                world.infer(NodeBehaviour.HONEST, world.credit1, 15).leaf().leafHash()).getFirst());
        faulty.put("forged-vanilla", world.vanilla(world.credit1, 16, true));
    }

    @AfterAll
    void close() {
        sessions.close();
        world.close();
    }

    private Verifier verifier() {
        return new Verifier(world.store, world.sources(), sessions, VerifierOptions.defaults(), Clock.systemUTC());
    }

    @Test
    @DisplayName("honest TEE (individual and batch) and VANILLA records are VERIFIED with every line PASS")
    void honestRecordsVerify() {
        Verifier v = verifier();
        for (Map.Entry<String, RecordId> e : honest.entrySet()) {
            VerdictRecord verdict = v.verify(e.getValue()).orElseThrow().verdict();
            assertEquals(Verdict.VERIFIED, verdict.verdict(), e.getKey() + ": " + verdict.reason());
            assertTrue(verdict.checks().stream().allMatch(c -> c.status() == CheckStatus.PASS), e.getKey());
        }
    }

    @Test
    @DisplayName("TEE batch leaves get all eight lines; individual seven; VANILLA record, model, reexecution")
    void checkPlans() {
        Verifier v = verifier();
        assertEquals(List.of("record", "batch-inclusion", "blob", "signature", "tee-status", "attestation", "model",
                "reexecution"), names(v.verify(honest.get("batch-leaf-0")).orElseThrow().verdict()));
        assertEquals(List.of("record", "blob", "signature", "tee-status", "attestation", "model", "reexecution"),
                names(v.verify(honest.get("individual-1")).orElseThrow().verdict()));
        assertEquals(List.of("record", "model", "reexecution"), names(v.verify(honest.get("vanilla")).orElseThrow().verdict()));
    }

    @Test
    @DisplayName("each tampered record is a MISMATCH and the check that catches its fault fails")
    void faultsAreCaughtByTheRightCheck() {
        Map<String, String> expected = Map.of(
                "forged-output", "reexecution", "swapped-model", "reexecution", "bad-signature", "signature",
                "stale-attestation", "attestation", "unapproved-pcr", "attestation", "model-cid-mismatch", "model",
                "blob-mismatch", "blob", "merkle-missing", "batch-inclusion", "forged-vanilla", "reexecution");
        Verifier v = verifier();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, RecordId> e : faulty.entrySet()) {
            VerdictRecord verdict = v.verify(e.getValue()).orElseThrow().verdict();
            if (verdict.verdict() != Verdict.MISMATCH || !verdict.failedChecks().contains(expected.get(e.getKey()))) {
                wrong.add(e.getKey() + " -> " + verdict.verdict() + " " + verdict.failedChecks() + ": " + verdict.reason());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @DisplayName("a blob the store kept from the sync must be the blob served now: same bytes verify, others fail blob")
    void blobIsHeldToTheSyncsCopy() throws Exception {
        RecordId kept = world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 17), false);
        RecordId changed = world.settleIndividually(world.infer(NodeBehaviour.HONEST, world.credit1, 18), false);
        for (RecordId id : List.of(kept, changed)) {
            String blobId = world.store.read(tx -> tx.inferences().find(id)).orElseThrow().blobId();
            byte[] served = world.sources().blobs().blob(blobId);
            // what the sync stored: the served blob, or (a blob store that answered the sync otherwise) other bytes
            byte[] stored = id.equals(kept) ? served : Arrays.copyOf(served, served.length + 1);
            world.store.inTransaction(tx -> tx.blobs().put(blobId, Bytes.of(stored),
                    Instant.now()));
        }
        Verifier v = verifier();
        assertEquals(Verdict.VERIFIED, v.verify(kept).orElseThrow().verdict().verdict());
        VerdictRecord verdict = v.verify(changed).orElseThrow().verdict();
        assertEquals(Verdict.MISMATCH, verdict.verdict(), verdict.reason());
        CheckResult blob = verdict.checks().stream().filter(c -> c.name().equals("blob")).findFirst().orElseThrow();
        assertEquals(CheckStatus.FAIL, blob.status());
        assertTrue(blob.reason().contains("differ from the copy the sync stored"), blob.reason());
    }

    @Test
    @DisplayName("a record from a node with unapproved PCRs also fails tee-status (its PCR set was never approved)")
    void unapprovedPcrFailsTeeStatus() {
        VerdictRecord verdict = verifier().verify(faulty.get("unapproved-pcr")).orElseThrow().verdict();
        assertTrue(verdict.failedChecks().contains("tee-status"), verdict.failedChecks().toString());
    }

    @Test
    @DisplayName("a stale attestation says the nonce was not echoed; the honest node's chain ends in the labelled demo root")
    void attestationReasons() {
        Verifier v = verifier();
        CheckResult stale = line(v.verify(faulty.get("stale-attestation")).orElseThrow().verdict(), "attestation");
        assertTrue(stale.reason().contains("nonce"), stale.reason());
        CheckResult ok = line(v.verify(honest.get("individual-1")).orElseThrow().verdict(), "attestation");
        assertTrue(ok.reason().contains("demo"), ok.reason());
    }

    @Test
    @DisplayName("re-execution of an honest record is exact and keeps the per-element differences for the UI")
    void reexecutionOutcome() {
        InferenceVerification v = verifier().verify(honest.get("individual-1")).orElseThrow();
        ReexecutionOutcome outcome = v.reexecution().orElseThrow();
        assertEquals("EXACT", outcome.line().details().get("result"));
        assertFalse(outcome.comparison().orElseThrow().tensors().isEmpty());
        assertEquals(outcome.localOutputs().size(), outcome.claimedOutputs().size());
        InferenceVerification forged = verifier().verify(faulty.get("forged-output")).orElseThrow();
        double[] diff = forged.reexecution().orElseThrow().comparison().orElseThrow().tensors().getFirst().differences();
        assertTrue(java.util.Arrays.stream(diff).anyMatch(d -> d != 0), "forged output shows differences");
    }

    @Test
    @DisplayName("without the demo root (a real-network verifier) the demo attestation is not trusted")
    void demoRootNotTrustedByDefault() {
        VerificationSources demo = world.sources();
        VerificationSources real = new VerificationSources(demo.chain(), demo.blobs(), demo.models(),
                demo.attestations(), io.proofdesk.attest.TrustedRoots.awsNitro());
        Verifier v = new Verifier(world.store, real, sessions, VerifierOptions.defaults(), Clock.systemUTC());
        VerdictRecord verdict = v.verify(honest.get("individual-1")).orElseThrow().verdict();
        assertEquals(Verdict.MISMATCH, verdict.verdict());
        assertEquals(List.of("attestation"), verdict.failedChecks());
    }

    @Test
    @DisplayName("an unreachable chain makes the record line ERROR and the verdict ERROR, never VERIFIED")
    void unreachableChainIsError() {
        world.chain.down = true;
        try {
            VerdictRecord verdict = verifier().verify(honest.get("vanilla")).orElseThrow().verdict();
            assertEquals(Verdict.ERROR, verdict.verdict());
            assertEquals(CheckStatus.ERROR, line(verdict, "record").status());
        } finally {
            world.chain.down = false;
        }
    }

    private static List<String> names(VerdictRecord v) {
        return v.checks().stream().map(CheckResult::name).toList();
    }

    private static CheckResult line(VerdictRecord v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}

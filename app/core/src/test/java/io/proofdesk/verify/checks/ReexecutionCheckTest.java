package io.proofdesk.verify.checks;

import io.proofdesk.bench.LocalWorkload;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;
import io.proofdesk.node.cid.Sha256;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TestModels;
import io.proofdesk.verify.ModelFiles;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.StoredFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The re-execution check's line, word for word, on a real ONNX Runtime run of a small model. */
class ReexecutionCheckTest {

    private static final byte[] MODEL = TestModels.mlp(1f);

    private SessionCache sessions;
    private ReexecutionCheck check;
    private Inference record;

    @BeforeEach
    void start() {
        sessions = SessionCache.withDefaults();
        ReexecEngine engine = new ReexecEngine(sessions);
        float[] x = new float[2 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(i * 0.7) * 2;
        }
        LocalWorkload workload = new LocalWorkload(MODEL, List.of(Map.of("x", Tensor.ofFloats("x", new long[] {2, 4},
                x))), engine);
        record = workload.records().getFirst();
        check = new ReexecutionCheck(new ModelFiles(workload), engine, null);
    }

    @AfterEach
    void stop() {
        sessions.close();
    }

    private ReexecutionOutcome run(Inference r) {
        StoredFacts facts = new StoredFacts(r, Optional.empty(), List.of(), null, Optional.empty(), Optional.empty(),
                List.of());
        return check.outcome(new RecordEvidence(facts, id -> new byte[0]));
    }

    private static Inference withOutputs(Inference r, List<Tensor> outputs) {
        return new Inference(r.id(), r.mode(), r.model(), r.modelVersion(), r.teeId(), r.nodeUrl(), r.settlement(),
                r.blockNumber(), r.timestamp(), r.ethAddress(), r.inputHash(), r.outputHash(), r.signature(),
                r.blobId(), r.merkleRoot(), r.merkleProof(), r.inputs(), outputs, r.verdict());
    }

    /** The largest number of places among the shortest decimals of the floats, as the claim's tolerance reads it. */
    private static int decimals(float[] values) {
        int max = 0;
        for (float v : values) {
            max = Math.max(max, new BigDecimal(Float.toString(v)).stripTrailingZeros().scale());
        }
        return max;
    }

    @Test
    void aBitIdenticalClaimPassesWithTheDocumentedDetailsInOrder() {
        ReexecutionOutcome outcome = run(record);
        CheckResult line = outcome.line();
        int d = decimals(record.outputs().getFirst().toFloats());
        assertEquals(CheckStatus.PASS, line.status());
        assertEquals("reexecution", line.name());
        assertEquals("local output is bit-identical to the claim", line.reason());
        assertEquals(List.of("output.probabilities", "maxAbsError", "maxRelError", "maxUlp", "modelSha256",
                "runMicros", "result"), List.copyOf(line.details().keySet()));
        assertEquals("EXACT maxAbs=0.0 maxRel=0.0 maxUlp=0 (1e-" + d + " from the claim's " + d + " decimals)",
                line.details().get("output.probabilities"));
        assertEquals("0.0", line.details().get("maxAbsError"));
        assertEquals("0.0", line.details().get("maxRelError"));
        assertEquals("0", line.details().get("maxUlp"));
        assertEquals(Sha256.hex(MODEL), line.details().get("modelSha256"));
        assertTrue(line.details().get("runMicros").matches("[0-9]+"), line.details().get("runMicros"));
        assertEquals("EXACT", line.details().get("result"));
        assertEquals(record.outputs(), outcome.localOutputs());
        assertEquals(record.outputs(), outcome.claimedOutputs());
        assertEquals(record.inputs(), outcome.inputs());
    }

    @Test
    void oneCheckLeasesTheModelsSessionOnce() {
        run(record);
        SessionCache.Stats before = sessions.stats();
        for (int i = 0; i < 3; i++) {
            run(record);
        }
        SessionCache.Stats after = sessions.stats();
        assertEquals(3, after.hits() + after.misses() - before.hits() - before.misses(),
                "describing the model and running it share one lease per check");
    }

    @Test
    void aClaimOneUlpOffIsWithinTheClaimsToleranceAndALargeChangeFails() {
        float[] claimed = record.outputs().getFirst().toFloats();
        claimed[1] = Math.nextUp(claimed[1]);
        long[] shape = record.outputs().getFirst().shape();
        CheckResult near = run(withOutputs(record, List.of(Tensor.ofFloats("probabilities", shape, claimed)))).line();
        assertEquals(CheckStatus.PASS, near.status());
        assertEquals("1", near.details().get("maxUlp"));
        assertEquals("WITHIN_TOLERANCE", near.details().get("result"));
        String maxAbs = near.details().get("maxAbsError");
        assertEquals("local output within tolerance (max abs error " + maxAbs + ", 1 ULP)", near.reason());
        int d = decimals(claimed);
        assertEquals("WITHIN_TOLERANCE maxAbs=" + maxAbs + " maxRel=" + near.details().get("maxRelError")
                + " maxUlp=1 (1e-" + d + " from the claim's " + d + " decimals)", near.details().get("output.probabilities"));

        claimed[1] += 0.5f;
        CheckResult far = run(withOutputs(record, List.of(Tensor.ofFloats("probabilities", shape, claimed)))).line();
        assertEquals(CheckStatus.FAIL, far.status());
        assertTrue(far.reason().startsWith("output 'probabilities': 1 of 6 elements outside 1e-"), far.reason());
        assertTrue(far.details().get("output.probabilities").startsWith("OUT_OF_TOLERANCE maxAbs="));
        assertEquals("OUT_OF_TOLERANCE", far.details().get("result"));
    }

    @Test
    void aClaimOfAnotherOutputNameIsAMismatchOnBothNames() {
        Tensor local = record.outputs().getFirst();
        Tensor renamed = Tensor.ofFloats("other", local.shape(), local.toFloats());
        CheckResult line = run(withOutputs(record, List.of(renamed))).line();
        int d = decimals(local.toFloats());
        assertEquals(CheckStatus.FAIL, line.status());
        assertEquals("output 'probabilities': the claim has no output 'probabilities'; output 'other': the claim has "
                + "an output 'other' the model does not produce", line.reason());
        assertEquals("MISMATCH (exact)", line.details().get("output.probabilities"));
        assertEquals("MISMATCH (1e-" + d + " from the claim's " + d + " decimals)", line.details().get("output.other"));
        assertEquals(List.of("output.probabilities", "output.other", "maxAbsError", "maxRelError", "maxUlp",
                "modelSha256", "runMicros", "result"), List.copyOf(line.details().keySet()));
        assertEquals("0.0", line.details().get("maxAbsError"));
        assertEquals("MISMATCH", line.details().get("result"));
    }
}
